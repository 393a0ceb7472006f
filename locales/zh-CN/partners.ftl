# 提供商与经销商的合作关系、共同客户和提供商目录。
back-to-providers = 返回你的提供商
back-to-resellers = 返回你的经销商
col-customer = 客户
col-country = 国家/地区
col-authorised = 授权时间
col-provider = 提供商
col-reseller = 经销商
col-partner-id = 合作伙伴 ID
col-region = 区域
col-regions = 区域
col-since = 开始时间
col-from = 开始时间
col-ended = 终止时间
col-to = 收件人
col-sent = 发送时间
col-expires = 过期时间
tag-expired = 已过期
resend = 重新发送
revoke = 撤销
create-invitation = 创建邀请
invitation-broken-heading = 此邀请链接无效
program-region = 合作伙伴计划区域
program-regions = 合作伙伴计划区域
all-regions = 所有区域

# 邀请客户授权经销商及其提供商。
cinv-title = 授权你的云服务合作伙伴
cinv-heading = { $reseller } 和 { $provider } 请求你的授权
cinv-lead = { $reseller } 通过其间接提供商 { $provider } 向你的组织转售云服务。授权该关系后，{ $provider } 可以代表 { $reseller } 为你订购服务。
cinv-broken-text = 请检查是否复制了完整的链接，或请你的经销商重新发送。

# 经销商与提供商的共同客户。
shared-customers-title = 与 { $provider } 共有的客户
shared-customers-none = 目前还没有客户授权你和 { $provider }。
invite-a-customer = 邀请客户。

# 提供商发送的邀请草稿。
draft-title = 你的邀请
draft-heading = 你的邀请已准备好
draft-sent = 我们已通过电子邮件将其发送至 <strong>{ $email }</strong>。
draft-intro = 请发送此消息。该链接是你的组织的专属邀请链接：请保留在消息中。此链接只在本页面显示一次。
draft-open-in-email = 在电子邮件中打开
draft-copy = 或复制消息
draft-link = 链接：

# 经销商看到的提供商邀请。
inv-title = 授权间接提供商
inv-heading = { $provider } 邀请你与其合作
inv-would-be = { $provider } 将成为你的<strong>间接提供商</strong>。授权后：
inv-would-be-serving = { $provider } 将成为你的<strong>间接提供商</strong>（服务区域：{ $regions }）。授权后：
inv-means-orders = 它可以为你的客户下订单和添加订阅；
inv-means-admin = 它将获得你的工作帐户的管理员访问权限。
inv-sign-in = 登录以继续
inv-no-account = 还没有工作帐户？
inv-create-account = 创建一个；
inv-no-account-after = 完成后你会回到此处。你注册成为间接经销商并获得批准后，提供商才能与你合作。
inv-consent = 我了解此提供商可以为我们的客户下订单和添加订阅，并将获得我们工作帐户的管理员访问权限。
inv-authorize = 授权间接提供商
inv-broken-text = 请检查是否复制了完整的链接，或请提供商重新发送。

# 经销商邀请客户。
invite-customer-title = 邀请客户
invite-customer-heading = 邀请客户与你和 { $provider } 合作
invite-customer-intro = 客户会收到一个专属链接，请其授权与你的组织和 { $provider } 之间的关系。{ $provider } 需要该关系才能为客户订购服务。
invite-customer-email = 客户的电子邮件地址（可选）
invite-customer-email-hint = 填写后，门户也会发送邀请。

# 经销商的提供商。
providers-title = 间接提供商
providers-none = 目前还没有提供商与你合作。
find-a-provider = 查找提供商并请其发送邀请。
view-customers = 查看客户
invite-new-customers = 邀请新客户
shared-with = 与 { $name } 共有
for-name = 针对 { $name }

# 终止合作关系。
remove-title = 删除合作关系
remove-heading = 要终止与 { $name } 的合作关系吗？
remove-lists = { $name } 将从你的间接经销商列表中移除，你也将从其提供商列表中移除。
remove-customers = 与 { $name } 关联的客户保持关联。
remove-permissions = 已授予的管理员权限保持不变。
remove-emails = 双方组织都会收到电子邮件。
end-partnership = 终止合作关系
remove-partnership = 删除

# 提供商的经销商。
resellers-title = 间接经销商
resellers-active = 有效的合作关系
resellers-none = 目前还没有经销商与你合作。
resellers-pending = 待处理的邀请
resellers-pending-none = 无。
resellers-link-shared = 你共享的链接
request-partnership = 请求建立合作关系
request-partnership-intro = 你会获得一个专属邀请链接和一封现成的电子邮件。如果填写经销商的地址，门户也会替你发送。
reseller-email = 经销商的电子邮件地址（可选）
resellers-ended = 已终止的合作关系

# 公开的提供商目录。
directory-title = 查找间接提供商
directory-intro = 间接经销商通过其所在合作伙伴计划区域的间接提供商购买本计划的服务。以下是本计划列出的提供商。
directory-show = 显示提供商
directory-own-first = 服务于你所在区域的提供商排在前面。
directory-none = 此区域尚未列出任何提供商。请显示所有区域以查看其他地区的提供商，或询问合作伙伴计划团队何时会有提供商服务你的区域。
directory-serves = 服务区域：

# 后台的提供商目录。
admin-providers-title = 提供商目录
admin-providers-none = 尚未列出任何提供商。
withdraw-listing = 撤下
admin-providers-edit = 列出或编辑提供商
admin-providers-rule = 只有已获批准且已接受合作伙伴协议的合作伙伴才能列出。重新选择区域会替换原有资料。
admin-providers-domain = 合作伙伴的工作帐户域名
admin-providers-save = 保存提供商资料
access-heading = 你授予的管理员访问权限
access-intro = 授权间接提供商后，该提供商会获得对你的工作帐户的委派的管理员权限。合作关系终止后，该访问权限仍然保留，直到你的全局管理员在此处将其移除。
access-none = 没有提供商拥有对你的工作帐户的管理员访问权限。
col-granted-by = 授予人
col-granted = 授予日期
access-partnership-ended = 合作关系已终止
access-remove = 移除管理员访问权限
access-who-removes = 只有全局管理员才能移除提供商的管理员访问权限。
access-remove-title = 要移除 { $name } 的管理员访问权限吗？
access-remove-means = { $name } 将无法再管理你的工作帐户。
access-remove-partnership = 你与 { $name } 的合作关系（如有）保持不变。
access-remove-emails = 双方组织的全局管理员都会收到电子邮件通知。
access-remove-button = 移除管理员访问权限
access-removed = { $name } 已不再拥有对你的工作帐户的管理员访问权限；已通知双方组织。
col-admin-access = 管理员访问权限
access-yes = 是
access-withdrawn = 已被经销商移除
accessremoved-subject = { $grantee } 已不再拥有对 { $organisation } 的管理员访问权限
accessremoved-text = { $organisation } 的 { $by } 已移除 { $grantee } 对 { $organisation } 工作帐户的委派的管理员权限。
accessremoved-stays = { $grantee } 与 { $organisation } 之间的任何合作关系保持不变。{ $organisation } 可以通过新的邀请再次授权 { $grantee }，从而重新授予该访问权限。

## A provider leaves the directory (issue 17)
provwd-subject = { $provider } 已不再列为间接提供商
provwd-text = { $provider } 已从提供商目录中移除。
withdrawn-by-staff = 合作伙伴计划团队撤回了该提供商资料。
withdrawn-direct-bill-ended = 其直接计费资格已结束，而只有直接向厂商购买（直接计费）的合作伙伴才能成为间接提供商。
provwd-to-provider = 你与经销商的合作关系以及你的客户保持不变。在合作伙伴计划团队再次列出你的组织之前，你无法以间接提供商身份提交新订单。
provwd-to-reseller = 你与 { $provider } 的合作关系保持不变，你的客户也不受影响。在 { $provider } 再次列入目录之前，它无法为你的客户提交新订单。

## Partnerships both ways (issue 18)
end-lists = { $name } 将从你的提供商列表中移除，你也将从其间接经销商列表中移除。
remove-courtesy = 门户发送的电子邮件仅为礼节性通知，并不是你与 { $name } 的协议可能要求的正式终止通知：请按协议规定发出正式终止通知。
with-name = 与 { $name }
inv-provider = 间接提供商
inv-regions = 服务区域
inv-support = 支持联系人
inv-decline-heading = 不适合你？
inv-decline-reason = 原因（可选）
inv-decline-hint = { $provider } 将在通知你已拒绝的电子邮件中看到此内容。
inv-decline = 拒绝邀请
draft-copy-button = 将邮件内容复制到剪贴板
draft-copy-link = 将链接复制到剪贴板
draft-copied = 已复制
directory-request = 请求邀请
directory-requested = 你的请求已通过电子邮件发送给该提供商。如果对方同意，将向你发送邀请。
directory-already-partners = 你已经与该提供商合作：请查看你的提供商。
