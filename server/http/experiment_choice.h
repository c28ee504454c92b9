// A/B experiments in the handlers: picks the variant a request is scored
// with (ops/experiments.h), counts it for /metrics and notes it for the
// access log line of the request.
//
// Thread safety: the note is per thread (one worker carries a request from
// its handler to the logger).

#ifndef PATHRANK_SERVER_HTTP_EXPERIMENT_CHOICE_H_
#define PATHRANK_SERVER_HTTP_EXPERIMENT_CHOICE_H_

#include <string>
#include <string_view>

#include "api/scoring_service.h"
#include "http/server_state.h"

namespace pathrank::server {

// When the caller named no profile (`profile_given` false) and an
// experiment is active for `catalog`, assigns `learner_id`: sets *profile
// to its variant's profile and returns the note for the answer; otherwise
// leaves *profile and returns an empty note.
ExperimentNote ChooseVariant(ServerState& state, std::string_view catalog,
                             std::string_view learner_id, bool profile_given, std::string* profile);

// The note of this thread's request (empty when none), cleared.
ExperimentNote TakeNotedExperiment();

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_HTTP_EXPERIMENT_CHOICE_H_
