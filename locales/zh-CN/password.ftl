# 更改和重置密码。
pw-change-title = 更改密码
pw-change-intro = 更改密码后，你在其他所有设备上的登录都将退出。
pw-current = 当前密码
pw-new = 新密码
pw-change-button = 更改密码
pw-forgot-title = 重置密码
pw-forgot-intro = 请输入你登录时使用的电子邮件地址。如果该地址属于某个帐户，我们会向其发送一个设置新密码的链接。
pw-email = 电子邮件地址
pw-send-link = 发送重置链接
pw-sent-title = 请查看你的电子邮件
pw-sent-text = 如果 <strong>{ $email }</strong> 属于合作伙伴门户的帐户，我们已向其发送了设置新密码的链接。该链接只能使用一次，有效期为 1 小时。
pw-sent-retry = 几分钟后仍未收到电子邮件？请查看垃圾邮件文件夹，或使用你登录时的地址<a href="/password/forgot">重试</a>。
pw-reset-title = 设置新密码
pw-reset-intro = 设置新密码后，你在所有地方的登录都将退出，帐户的锁定也将解除。
pw-reset-button = 设置新密码
pw-invalid-title = 此重置链接无效
pw-invalid-why = 该链接已被使用、已被更新的链接取代，或已超过 1 小时。
pw-invalid-new = <a href="/password/forgot">申请新的链接</a>。
