// The bodies and query options of the API's requests, as plain values:
// json_requests.cc fills them from JSON, scoring_service.cc runs them.
//
// Thread safety: plain values.

#ifndef PATHRANK_SERVER_API_API_REQUESTS_H_
#define PATHRANK_SERVER_API_API_REQUESTS_H_

#include <map>
#include <string>
#include <vector>

#include "pathrank/team_matcher.h"
#include "store/learner_store.h"

namespace pathrank::server {

// POST /v1/catalogs/{cid}/recommendations, and the stored learner's variant
// (mastery and goals from the store, the rest from the query).
struct RecommendRequest {
  std::map<std::string, double> mastery;  // item id -> [0, 1]
  std::map<std::string, double> goals;    // goal id -> (0, 100]
  std::vector<std::string> recent;        // items reached most recently, newest first
  long long k = 10;
  std::string profile = "default";
  std::map<std::string, double> weights;  // profile field -> value
  std::vector<std::string> kinds;
  std::vector<std::string> exclude;
  bool include_blocked = false;
  bool explain = false;
  // A/B experiments: the learner id a stateless call is assigned by (the
  // stored learner's id otherwise), and whether the caller named a profile
  // (which then wins over any experiment).
  std::string learner_id;
  bool profile_given = false;
};

// POST /v1/catalogs/{cid}/paths, and GET /v1/learners/{lid}/path.
struct PlanRequest {
  std::map<std::string, double> mastery;
  std::map<std::string, double> goals;
  double hours_per_week = 10;
  std::string profile = "default";
  std::map<std::string, double> weights;
  std::string learner_id;  // as RecommendRequest
  bool profile_given = false;
};

// PUT /v1/learners/{lid}.
struct TeamMatchApiRequest {
  std::vector<TeamMember> members;
  std::map<std::string, double> goals;
  // An O*NET-SOC code ("15-1252.00"): the goal "onet-<code>" that
  // `pathrank import-onet` gave the catalog, weight 1; "" for none.
  std::string occupation;
  std::string kind = "framework";  // "framework", "topic", "project" or "any"
  std::string type;                // the items' "type" attribute; "" for any
  long long k = 5;
  std::string profile = "default";
  std::map<std::string, double> weights;
};

struct LearnerPutRequest {
  std::string catalog;
  std::map<std::string, double> goals;
};

// POST /v1/learners/{lid}/progress: events with `at` resolved (absent: the
// time of the request).
struct ProgressRequest {
  std::vector<ProgressEvent> events;
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_API_API_REQUESTS_H_
