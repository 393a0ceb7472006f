# 电子邮件：框架和各封邮件。
email-footer = 此邮件由合作伙伴门户发送。对此邮件的回复不会被阅读。
email-hello = { $name }，你好：
email-or-paste = 或将此链接粘贴到浏览器中：{ $link }

confirm-subject = 确认你在合作伙伴门户中的电子邮件地址
confirm-heading = 确认你的电子邮件地址
confirm-created = 你在合作伙伴门户中为 { $organisation } 创建了工作帐户。请确认这是你的电子邮件地址：
confirm-created-text = 你在合作伙伴门户中为 { $organisation } 创建了工作帐户。请打开以下链接，确认这是你的电子邮件地址：
confirm-button = 确认我的电子邮件地址
confirm-expiry = 该链接只能使用一次，有效期为 24 小时。如果链接已过期，请登录并在仪表板上申请新的链接。
confirm-not-you = 如果你没有创建此帐户，请忽略此邮件。

verify-subject = 确认你在 { $organisation } 合作伙伴申请中的电子邮件地址
verify-mail-heading = 确认你的电子邮件地址
verify-mail-applied = { $applicant } 已为 { $organisation } 申请成为云合作伙伴计划的间接经销商，并指定你为主要联系人。
verify-mail-before = 在审查该申请之前，请确认你知晓此申请，并确认此电子邮件地址属于该公司：
verify-mail-button = 查看并确认
verify-mail-expiry = 该链接只能使用一次，有效期为 72 小时。如果你对此申请一无所知，请打开链接并选择“我不确认”。

email-hello-all = 你好：

pinv-subject = { $provider } 邀请你将其作为间接提供商与其合作
pinv-heading = 来自 { $provider } 的邀请
pinv-would-like = { $provider } 希望在云合作伙伴计划中成为你的间接提供商（{ $regions }）。
pinv-could = 作为你的间接提供商，{ $provider } 可以为你的客户下订单和添加订阅，并将获得你的工作帐户的管理员访问权限。
pinv-button = 查看邀请
pinv-open-link = 要查看并授权，请打开此专属链接，然后使用你的工作帐户登录：
pinv-personal = 此链接是 { $provider } 的专属邀请链接：请保留在此消息中。有效期至 { $until }。

pend-subject = { $provider } 与 { $reseller } 之间的合作关系已终止
pend-heading = 合作关系已终止
pend-ended = { $provider } 已终止其作为间接提供商与 { $reseller } 的合作关系。
pend-stays = 与 { $reseller } 关联的客户保持关联，已授予的管理员权限保持不变。{ $provider } 的间接经销商列表中将不再有 { $reseller }。

cmail-subject = { $reseller } 请你授权其云服务合作伙伴
cmail-resells = { $reseller } 通过其间接提供商 { $provider } 向你转售云服务。{ $provider } 需要你的组织授权与双方的关系，才能为你订购服务。
cmail-button = 查看你将授权的内容
cmail-open-link = 打开此链接，查看你将授权的内容：
cmail-until = 此链接有效期至 { $until }。

open-dashboard = 打开你的仪表板

exists-subject = 有人尝试使用你的地址创建帐户
exists-tried = 有人尝试使用此电子邮件地址在合作伙伴门户中创建新的工作帐户。该地址已属于你的帐户，因此没有创建任何帐户。
exists-if-you = 如果是你本人，请直接登录：
exists-sign-in = 登录
exists-forgotten = 如果你忘记了密码，请设置新密码：
exists-reset = 设置新密码
exists-not-you = 如果不是你本人，你无需执行任何操作：你的帐户没有变化。

reset-subject = 重置你的合作伙伴门户密码
reset-heading = 重置密码
reset-asked = 有人请求重置你的合作伙伴门户帐户的密码。要设置新密码，请打开此链接：
reset-asked-html = 有人请求重置你的合作伙伴门户帐户的密码。
reset-button = 设置新密码
reset-expiry = 此链接只能使用一次，有效期为 1 小时。如果你没有提出此请求，请忽略此消息：你的密码保持不变。

changed-subject = 你的合作伙伴门户密码已更改
changed-heading = 你的密码已更改
changed-text = 你的合作伙伴门户帐户的密码刚刚已更改，所有其他已登录的会话均已结束。
changed-not-you = 如果不是你本人所为，请立即重置密码并告知你的组织的管理员：
changed-reset = 重置密码

locked-subject = 你的合作伙伴门户帐户已被锁定
locked-heading = 你的帐户已被锁定
locked-text = 你的合作伙伴门户帐户有 10 次登录失败，因此我们已将其锁定至 { $until }。
locked-yours = 如果这些尝试是你本人所为，请等待至该时间，或立即重置密码：
locked-reset = 重置密码
locked-not-yours = 如果不是你本人所为，可能有人在猜测你的密码。重置密码也会解除锁定。

status-subject = { $organisation } 的合作伙伴申请：{ $state }
status-text = { $organisation } 的合作伙伴申请有了新状态：{ $state }。
status-see = 查看申请及其完整历史记录：

declined-subject = 你的主要联系人未确认合作伙伴申请
declined-heading = 你的主要联系人未确认
declined-text = 你指定的主要联系人（{ $email }）表示不确认该合作伙伴申请，因此无法审查该申请。
declined-check = 请与其核实。如果联系人或地址有误，请撤回申请，然后使用正确的信息重新注册：
declined-link = 打开申请

staffinv-subject = 你受邀加入合作伙伴门户后台
staffinv-heading = 你已受邀
staffinv-text = { $inviter } 邀请你以 { $role } 身份加入合作伙伴门户后台。
staffinv-choose = 要接受邀请，请在此设置你的密码：
staffinv-button = 接受邀请
staffinv-expiry = 此链接只能使用一次，有效期为 72 小时。如果你没有预料到此邀请，请忽略此消息。

reminder-subject = { $organisation }：你的年度直接计费重新评估应于 { $due } 进行
reminder-heading = 你的年度直接计费重新评估应于 { $due } 进行
reminder-text = { $organisation } 的年度直接计费重新评估应于 { $due } 进行。
reminder-how = 直接计费合作伙伴每年由第三方对计费、预配、客户支持和安全进行重新评估。合作伙伴计划团队会联系你安排时间。请准备好你的收入证明材料和支持计划。

notice-subject = { $organisation }：{ $headline }
notice-headline = { $headline }。

transitioned-subject = { $organisation }：你的组织已重新成为间接经销商
transitioned-heading = 你的组织已重新成为间接经销商。
transitioned-by = { $by } 已将 { $organisation } 从直接计费转回间接经销商。原因：{ $reason }
transitioned-by-staff = 合作伙伴计划团队的 { $name }
transitioned-what = 你将不再直接从厂商购买，而是通过间接提供商购买。你的客户、合作伙伴 ID 和合作伙伴协议保持不变。满足直接计费要求且受理开放时，你可以重新申请。
cmail-direct = { $provider } 直接向你销售云服务。若要为你订购服务并管理你的订阅，{ $provider } 需要获得你的组织的授权。
cmail-subject-direct = { $provider } 请你授权其作为你的云服务合作伙伴

## Partnerships both ways (issue 18)
pend-ended-by-reseller = { $reseller } 已终止与其间接提供商 { $provider } 的合作关系。
custended-text-by-reseller = 你的经销商 { $reseller } 已终止与你的间接提供商 { $provider } 的合作关系。
pstart-subject = { $reseller } 已授权 { $provider } 作为其间接提供商
pstart-text = { $reseller } 已接受 { $provider } 的邀请：你现在是其间接提供商，并拥有对其工作帐户的委派管理员访问权限。它已出现在你的间接经销商列表中。
pstart-see = 查看你的经销商
idecl-subject = { $reseller } 已拒绝你的合作关系请求
idecl-text = { $reseller } 已拒绝 { $provider } 邀请其成为间接经销商的请求。该邀请链接已失效。
idecl-reason = 对方给出的原因：
idecl-next = 如果对方改变主意，你可以在经销商页面重新发送邀请。
ireq-subject = { $reseller } 请求你发送合作关系邀请
ireq-text = { $reseller } 在提供商目录中找到了 { $provider }，希望与你合作，由你担任其间接提供商。如果你同意，请在你的经销商页面向其发送邀请。
ireq-organisation = 组织
ireq-person = 请求人
ireq-next = 在你的经销商页面邀请它
status-who-accepts = 在 { $organisation } 开始参与合作伙伴计划之前，其一名全局管理员必须登录并接受合作伙伴协议：{ $names }。
