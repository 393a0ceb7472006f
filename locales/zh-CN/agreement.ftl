# 合作伙伴协议和撤回申请。
agreement-title = 合作伙伴协议
agreement-back = 返回你的仪表板
agreement-version-accepted = 版本 { $version } 已由 { $name } 于 { $date } 接受。
agreement-accept-label = 我已阅读合作伙伴协议（版本 { $version }），并代表我的组织接受该协议。
agreement-not-yet = 你的组织的间接经销商注册获得批准后，即可接受该协议。
agreement-admin-only = 只有你的组织的全局管理员才能接受合作伙伴协议。
agreement-accept = 接受协议
agreement-language-note = 本协议以英文发布；你接受的是英文文本。
withdraw-title = 撤回你的申请
withdraw-heading = 你确定要撤回申请吗？
withdraw-text = 审查将停止，你的主要联系人收到的验证链接也将失效。你以后可以重新注册，但需要从头开始。
withdraw-button = 撤回申请
withdraw-keep = 不，保留我的申请
agreement-heading = 合作伙伴协议（版本 { $version }）
