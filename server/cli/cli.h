// The `pathrank` command line: each file cli_*.cc registers a group of
// subcommands on the CLI11 app. A subcommand reports through Context.

#ifndef PATHRANK_SERVER_CLI_CLI_H_
#define PATHRANK_SERVER_CLI_CLI_H_

#include <CLI/CLI.hpp>
#include <iosfwd>

#include "pathrank/status.h"

namespace pathrank::cli {

struct Context {
  int exit_code = 0;
};

// Exit codes of the CLI.
inline constexpr int kExitInvalid = 1;  // the input is invalid
inline constexpr int kExitUsage = 2;    // wrong arguments (CLI11's own)
inline constexpr int kExitIo = 3;       // a file could not be read or written

// Prints "pathrank: <message>" to stderr and returns the exit code for it.
int Fail(const Status& status);

// `validate`, `items`.
void AddCatalogCommands(CLI::App& app, Context& context);
// `recommend`, `path`.
void AddRecommendCommands(CLI::App& app, Context& context);
// `team`.
void AddTeamCommand(CLI::App& app, Context& context);

// `import`, `plugins`.
void AddPluginCommands(CLI::App& app, Context& context);
// `import-onet`: O*NET occupations as goals of a catalog.
void AddOnetCommand(CLI::App& app, Context& context);
// `serve`.
void AddServeCommand(CLI::App& app, Context& context);
// `store copy`: learners from one store to another.
void AddStoreCommands(CLI::App& app, Context& context);
// `simulate`: synthetic learners as trajectories.
void AddSimulateCommand(CLI::App& app, Context& context);
// `placement`: the adaptive placement check (or --simulate).
void AddPlacementCommand(CLI::App& app, Context& context);
// `eval`: replay trajectories through a profile and the baselines.
void AddEvalCommand(CLI::App& app, Context& context);
// `tune`: fit a profile to trajectories; `argc`/`argv` go into the report.
void AddTuneCommand(CLI::App& app, Context& context, int argc, char** argv);

}  // namespace pathrank::cli

#endif  // PATHRANK_SERVER_CLI_CLI_H_
