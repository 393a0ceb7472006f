-- wrk script: wrong-password sign-ins from many client addresses (X-Forwarded-For, honoured
-- only when the portal trusts the peer: TRUSTED_PROXIES=127.0.0.1/32). Expects the
-- environment variables COOKIE (the anonymous visitor's cookies) and TOKEN (its form token).
local cookie = os.getenv("COOKIE")
local token = os.getenv("TOKEN")
local n = 0
request = function()
  n = n + 1
  local ip = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  local body = "csrf_token=" .. token .. "&email=flood" .. (n % 50) .. "%40bench.example.com&password=wrong+password+" .. n
  return wrk.format("POST", "/signin", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
    ["X-Forwarded-For"] = ip,
  }, body)
end
