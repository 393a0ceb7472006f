# 注册成为间接经销商。
enroll-title = 注册成为间接经销商
enroll-lead = 间接经销商通过间接提供商向其客户销售本计划的云服务。所有新合作伙伴都从这里开始。
enroll-not-admin = 只有你的组织的<strong>全局管理员</strong>才能为组织注册。请让其登录并完成注册，或将你设为全局管理员。
enroll-you-need = 你需要准备
enroll-need-work-account = <strong>你的工作帐户</strong>：你现在已作为其全局管理员登录。
enroll-need-partner-id = <strong>合作伙伴 ID</strong>：用于你的工作帐户所在国家/地区的公司资料。如果没有，你可以在注册过程中加入合作伙伴网络。
enroll-need-legal = <strong>公司法定信息</strong>：法定名称、完整地址和电话号码；在部分国家/地区还需要公司注册 ID。
enroll-need-contact = <strong>主要联系人</strong>：姓名、电话，以及公司自有域名下的电子邮件地址（不能是网页邮箱地址）。我们会请对方确认该地址。
enroll-need-support = <strong>客户支持信息</strong>：客户获取支持时使用的电子邮件地址、电话和网站。
enroll-how-long = 需要多长时间
enroll-how-long-text = 大约 10 分钟。每一步的回答都会保存，你可以随时中断，之后在此浏览器或其他浏览器中继续。
enroll-after = 注册后，你的主要联系人需确认其电子邮件地址；随后合作伙伴计划团队会审查你的申请。审查可能需要几天时间，每次状态变化时我们都会通过电子邮件通知你的主要联系人。
enroll-see-application = 查看你的申请
enroll-continue = 继续填写申请
enroll-start = 立即开始
