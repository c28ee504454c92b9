// The web console's routes: GET / (index.html) and GET /console/<file>,
// from the files embedded in pathrank_console (console/console_assets.h).
// They are not API routes (not in Routes(), not in openapi.json) and need no
// API key: the console asks for the key and sends it with its API calls.
//
// Every answer carries Content-Type, a strong ETag (If-None-Match gives
// 304), Cache-Control: no-cache (revalidate each time, so a new binary's
// files are used at once), and a Content-Security-Policy that allows only
// this origin: no inline script, nothing from elsewhere.
//
// Thread safety: the handlers only read static data.

#ifndef PATHRANK_SERVER_HTTP_CONSOLE_ROUTES_H_
#define PATHRANK_SERVER_HTTP_CONSOLE_ROUTES_H_

namespace httplib {
class Server;
}  // namespace httplib

namespace pathrank::server {

// The Content-Security-Policy header of every console answer.
inline constexpr const char* kConsoleContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

// Registers GET / and GET /console/(.*) on `server`.
void RegisterConsoleRoutes(httplib::Server& server);

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_HTTP_CONSOLE_ROUTES_H_
