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
