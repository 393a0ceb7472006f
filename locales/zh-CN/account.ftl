# 首页、创建工作帐户、登录。
home-title = 加入合作伙伴计划
home-heading = 作为计划合作伙伴转售云服务
home-lead = 在合作伙伴门户中，各组织可以加入云服务经销商合作伙伴计划、跟踪申请进度并管理合作伙伴帐户。
home-signed-in-as = 你已作为 { $organisation } 的 { $name } 登录。
home-go-to-dashboard = 前往仪表板
home-before-you-start = 开始之前
home-you-need = 你需要为组织创建一个工作帐户。创建只需几分钟，请准备好：
home-need-organisation = 组织的名称及其所在的国家/地区；
home-need-domain = 工作帐户的域名；
home-need-you = 你本人的姓名，以及一个你现在就能打开的公司电子邮件地址。
home-country-decides = 国家/地区决定你的计划区域和计费货币。货币以后无法更改。
home-already-have-one = 已经有工作帐户？请<a href="/signin">登录</a>。

signin-title = 登录
signin-email = 电子邮件地址
signin-password = 密码
signin-button = 登录
signin-forgotten = 忘记密码？
signin-no-account = 还没有工作帐户？<a href="/signup">立即创建</a>。

signup-title = 创建工作帐户
signup-intro = 工作帐户（租户）是你的组织在合作伙伴计划中的主页。你将成为它的全局管理员。
signup-your-organisation = 你的组织
signup-organisation = 组织名称
signup-domain = 工作帐户的域名
signup-domain-hint = 3 到 40 个小写字母、数字或连字符。你的用户将登录到 <strong>name.{ $suffix }</strong>。
signup-country = 组织所在的国家/地区
signup-country-hint = 国家/地区决定你的计划区域和计费货币。<strong>计费货币以后无法更改</strong>：如需使用其他货币，必须另建一个工作帐户。
signup-select-country = 选择国家/地区
signup-country-option = { $country } – { $region }区域，以 { $currency } 计费
signup-you = 你（全局管理员）
signup-full-name = 姓名
signup-email = 工作电子邮件地址
signup-email-hint = 我们会发送一个链接来确认该地址。你将使用此地址登录。
signup-password = 密码
signup-password-hint = 至少 12 个字符。由几个互不相关的词组成的短语既好记又难以猜到。
signup-button = 创建工作帐户

check-email-title = 请查看你的电子邮件
check-email-sent = 我们已向你提供的地址发送了一封邮件。请打开其中的链接确认地址，然后使用你设置的密码登录。
check-email-spam = 该链接只能使用一次，有效期为 24 小时。如果几分钟内没有收到邮件，请查看垃圾邮件文件夹，或<a href="/signup">检查地址后重试</a>。
check-email-have-account = 已经有帐户？请<a href="/signin">登录</a>或<a href="/password/forgot">重置密码</a>。

confirm-failed-title = 此确认链接无效
confirm-failed-why = 该链接已被使用、已被更新的链接取代，或已超过 24 小时。
confirm-failed-signed-in = 你可以在<a href="/dashboard">仪表板</a>上申请新的链接。
confirm-failed-signed-out = 请<a href="/signin">登录</a>，然后在仪表板上申请新的链接。如果你的地址已经确认，则无需任何操作。

# 用户的角色不允许访问的页面（问题 15）。
forbidden-title = 你的角色不允许执行此操作
forbidden-needs = 要{ $what }，你需要以下角色之一：
forbidden-ask = 请联系你的组织中拥有其中一个角色的人员：
forbidden-nobody = 你的组织中目前还没有人拥有这些角色。
cap-manage-applications = 为你的组织注册、跟踪其申请、接受合作伙伴协议和申请直接计费
cap-download-evidence = 打开直接计费申请中提交的证明材料
cap-provider-tasks = 与你的组织的间接经销商合作
cap-reseller-tasks = 与你的组织的间接提供商及其客户合作
cap-authorise-provider = 授权间接提供商
cap-edit-profile = 更改组织资料
cap-revoke-admin-access = 移除间接提供商对你的组织的管理员访问权限
cap-see-customers = 查看你的组织服务的客户
cap-place-orders = 为你的组织提供服务的客户下订单
cap-manage-subscriptions = 更改你的组织提供的订阅

# 登录页出现的原因，以及会话过期后的返回。
signin-why-expired = 你因 { $minutes } 分钟无活动已退出登录。请重新登录以继续。
signin-why-expired-kept = 你因 { $minutes } 分钟无活动已退出登录。重新登录后将返回你的表单：你填写的内容已保留。
signin-why-needed = 请登录以打开该页面。
flash-resumed = 你因 { $minutes } 分钟无活动已退出登录。你填写的内容已重新填入下方：请检查后继续。
timeout-warning-heading = 你即将退出登录
timeout-warning-text = 为了你的安全，{ $minutes } 分钟无活动后将自动退出登录。
timeout-warning-stay = 保持登录
