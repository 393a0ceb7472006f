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
