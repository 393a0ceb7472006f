# 每个页面的框架：页眉、导航、语言切换、页脚。
site-name = 合作伙伴门户
skip-to-content = 跳到主要内容
nav-account-label = 帐户
nav-dashboard = 仪表板
nav-change-password = 更改密码
nav-sign-out = 退出登录
nav-sign-in = 登录
nav-create-account = 创建工作帐户
footer-tagline = 合作伙伴门户 · 云服务经销商合作伙伴计划
language-switch-label = 语言
language-current = { $language }（当前语言）
error-title-prefix = 错误：
error-summary-title = 出现了问题
error-prefix = 错误：
back-link = 返回

# 后台的框架。
admin-brand-suffix = 后台
admin-operator = 运营方
admin-nav-applications = 申请
admin-nav-direct-bill = 直接计费
admin-nav-audit = 审核日志
admin-nav-providers = 提供商
admin-nav-staff = 工作人员
admin-nav-settings = 设置
admin-nav-staff-sign-in = 工作人员登录

# 错误页面。
error-reference-label = 参考编号：
error-status = （状态 { $status }）
error-go-to-start = 前往首页

# 通用词语。
list-separator = 、
back-to-dashboard = 返回仪表板
col-actions = 操作
edit = 编辑
read-page-in = 用中文阅读此页面
shown-once-print = 打印此页面
shown-once-copy = 复制密码
shown-once-copied = 已复制

# 合作伙伴导航（按角色和组织状态显示条目）。
nav-partner-label = 合作伙伴页面
nav-home = 首页
nav-application = 申请
nav-providers = 提供商
nav-resellers = 经销商
nav-direct-bill = 直接计费
nav-organisation = 组织
