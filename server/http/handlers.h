// The handlers of the API, one per route (see Routes() in http_server.cc).
// Each is thin: parse the request, call the engine or the store, render.
//
// Thread safety: handlers run concurrently on the server's worker threads.

#ifndef PATHRANK_SERVER_HTTP_HANDLERS_H_
#define PATHRANK_SERVER_HTTP_HANDLERS_H_

#include <string_view>

#include "http/server_state.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace pathrank::server {

#define PATHRANK_HANDLER(name) \
  void name(ServerState& state, const httplib::Request& req, httplib::Response& res)

// handlers_service.cc
PATHRANK_HANDLER(HandleHealthz);
PATHRANK_HANDLER(HandleReadyz);
PATHRANK_HANDLER(HandleMetrics);
PATHRANK_HANDLER(HandleOpenApi);
// handlers_catalogs.cc
PATHRANK_HANDLER(HandleListCatalogs);
PATHRANK_HANDLER(HandleGetCatalog);
PATHRANK_HANDLER(HandleListItems);
PATHRANK_HANDLER(HandleGetItem);
PATHRANK_HANDLER(HandleListGoals);
// handlers_scoring.cc
PATHRANK_HANDLER(HandleRecommend);
PATHRANK_HANDLER(HandlePlan);
PATHRANK_HANDLER(HandleTeamMatch);
// handlers_learners.cc
PATHRANK_HANDLER(HandlePutLearner);
PATHRANK_HANDLER(HandleGetLearner);
PATHRANK_HANDLER(HandleDeleteLearner);
PATHRANK_HANDLER(HandlePostProgress);
PATHRANK_HANDLER(HandleGetProgress);
PATHRANK_HANDLER(HandleLearnerRecommend);
PATHRANK_HANDLER(HandleLearnerPlan);
// handlers_history.cc
PATHRANK_HANDLER(HandleListLearners);
PATHRANK_HANDLER(HandleListEvents);
PATHRANK_HANDLER(HandleDeleteEvent);
// handlers_admin.cc
PATHRANK_HANDLER(HandleListPlugins);
PATHRANK_HANDLER(HandleReload);

#undef PATHRANK_HANDLER

// The OpenAPI 3 document of the API (server/openapi.json, embedded at build
// time).
std::string_view OpenApiDocument();

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_HTTP_HANDLERS_H_
