// `pathrank store copy --from STORE --to STORE`: every learner, its goals
// and its progress events from one learner store to another — a SQLite file
// or a postgresql:// URL, either way — with progress on stderr.
//
// Idempotent: a learner is put (catalog and goals replaced), and its events
// are appended in their arrival order with their ids, so a second run finds
// every event a duplicate and changes nothing but `updated_at`. An event
// stored without an id gets one, "pathrank-copy:<n>" (its position among
// the learner's events), so that it too is copied once. The current mastery
// is recomputed by the target from the events, by the same rule.

#include <iostream>
#include <memory>
#include <string>

#include "cli/cli.h"
#include "cli/progress_bar.h"
#include "store/open_learner_store.h"

namespace pathrank::cli {

namespace {

struct CopyArgs {
  std::string from;
  std::string to;
  bool quiet = false;
};

struct CopyTotals {
  size_t learners = 0, events = 0, accepted = 0, duplicates = 0;
};

// Copies learner `id` from `from` to `to`.
Status CopyLearner(server::LearnerStore& from, server::LearnerStore& to, const std::string& id,
                   CopyTotals* totals) {
  Result<server::LearnerRecord> learner = from.GetLearner(id);
  if (!learner) return learner.error();
  Result<server::PutOutcome> put = to.PutLearner(id, learner->catalog, learner->goals);
  if (!put) return put.error();
  Result<std::vector<server::ProgressEvent>> events = from.ListProgress(id);
  if (!events) return events.error();
  for (size_t i = 0; i < events->size(); ++i) {
    server::ProgressEvent& e = (*events)[i];
    if (e.key.empty()) e.key = "pathrank-copy:" + std::to_string(i);
  }
  constexpr size_t kBatch = 1000;  // events per transaction on the target
  for (size_t first = 0; first < events->size(); first += kBatch) {
    const size_t n = std::min(kBatch, events->size() - first);
    Result<server::ProgressOutcome> appended =
        to.AppendProgress(id, std::span(*events).subspan(first, n));
    if (!appended) return appended.error();
    totals->accepted += appended->accepted;
    totals->duplicates += appended->duplicates;
  }
  totals->events += events->size();
  ++totals->learners;
  return Status::Ok();
}

int RunCopy(const CopyArgs& args) {
  server::StoreConfig from_config, to_config;
  from_config.path = args.from;
  to_config.path = args.to;
  from_config.pool_size = to_config.pool_size = 1;
  if (args.from == args.to) {
    return Fail(Status::InvalidArgument("--from and --to name the same store: " + args.from));
  }
  auto from = server::OpenLearnerStore(from_config);
  if (!from) return Fail(from.error());
  auto to = server::OpenLearnerStore(to_config);
  if (!to) return Fail(to.error());
  Result<int64_t> total = (*from)->CountLearners();
  if (!total) return Fail(total.error());
  Progress progress(std::cerr, "store copy", !args.quiet && Progress::StderrIsTerminal());
  CopyTotals totals;
  std::string after;
  while (true) {
    Result<std::vector<std::string>> page = (*from)->ListLearnerIds(after, 500);
    if (!page) return Fail(page.error());
    if (page->empty()) break;
    for (const std::string& id : *page) {
      if (Status s = CopyLearner(**from, **to, id, &totals); !s.ok()) {
        return Fail(s.WithPrefix("copying learner \"" + id + "\""));
      }
      if (!args.quiet) {
        progress.Update("learners", totals.learners, static_cast<size_t>(*total),
                        std::to_string(totals.events) + " events");
      }
    }
    after = page->back();
  }
  if (!args.quiet) progress.Finish();
  std::cerr << "pathrank: copied " << totals.learners << " learners and " << totals.events
            << " events (" << totals.accepted << " new, " << totals.duplicates
            << " already there) from " << server::DescribeStore(from_config) << " to "
            << server::DescribeStore(to_config) << '\n';
  Status closed = (*to)->Close();
  return closed.ok() ? 0 : Fail(closed);
}

}  // namespace

void AddStoreCommands(CLI::App& app, Context& context) {
  auto* store = app.add_subcommand("store", "Maintain learner stores (SQLite files, PostgreSQL)");
  store->require_subcommand(1);
  auto args = std::make_shared<CopyArgs>();
  auto* copy = store->add_subcommand(
      "copy",
      "Copy every learner, goal and progress event from one store to another (SQLite file or "
      "postgresql:// URL, either way); running it again changes nothing");
  copy->add_option("--from", args->from, "Source store: a SQLite file or a postgresql:// URL")
      ->required();
  copy->add_option("--to", args->to, "Target store (created and migrated when needed)")->required();
  copy->add_flag("--quiet", args->quiet, "No progress on stderr, only the summary");
  copy->callback([&context, args] { context.exit_code = RunCopy(*args); });
}

}  // namespace pathrank::cli
