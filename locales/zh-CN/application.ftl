# 申请人的申请状态页面。
app-title = 你的申请
app-back = 返回你的仪表板
app-heading-direct = 你的直接计费申请
app-heading-reseller = 你的间接经销商申请
app-reason = 原因：
app-what-we-need = 我们需要：
app-declined = 你的主要联系人表示不确认此申请。请与其核实：如果联系人或地址有误，请撤回此申请，并使用正确的信息重新注册。你也可以向其发送新的链接。
app-next = 接下来：
app-requirements = 要求
app-checks = 检查
app-your-answer = 你的回答
app-answer-hint = 请回答上方团队提出的问题。如果你之前的回答需要更正，请先<a href="{ $link }" id="change-answers">修改你的回答</a>。发送后，你的申请将重新进入审查。
app-send-answer = 发送回答并重新提交
app-lost-email = 你的主要联系人是否丢失了电子邮件，或者链接已过期？
app-resend = 重新发送验证电子邮件
app-timeline = 时间线
app-your-answers = 你的回答
app-revenue = 过去 12 个月的收入
app-evidence = 证明材料
app-partner-id = 合作伙伴 ID
app-legal-name = 法定名称
app-contact = 主要联系人
app-website = 支持网站
app-withdraw = 撤回此申请

## The primary contact's status view (issue 18)
cstatus-title = 申请状态
cstatus-heading = { $organisation } 的申请
cstatus-intro = 你是此合作伙伴计划申请的主要联系人。此页面显示申请的当前进展；你电子邮件中的链接在 30 天内有效。
cstatus-program = 计划
cstatus-state = 状态
cstatus-submitted = 提交时间
cstatus-next = 后续步骤
cstatus-sign-in = 在该组织有帐户？
cstatus-gone-heading = 此状态链接已失效
cstatus-gone = 状态链接在 30 天内有效。有关该申请的较新电子邮件中包含新的链接；你也可以询问为你的组织提交申请的人员。
