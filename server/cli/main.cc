// pathrank: the command line and the HTTP server of the pathrank engine.

#include <exception>
#include <iostream>

#include "cli/cli.h"
#include "util/json/json_document.h"

namespace pathrank::cli {

int Fail(const Status& status) {
  std::cerr << "pathrank: " << status.message() << '\n';
  return status.code() == StatusCode::kUnavailable ? kExitIo : kExitInvalid;
}

}  // namespace pathrank::cli

int main(int argc, char** argv) {
  // A long-lived process: one JSON parser per thread (json_document.h).
  pathrank::json::ReuseThreadParsers(true);
  CLI::App app{"pathrank: what should I learn next"};
  app.require_subcommand(1);
  pathrank::cli::Context context;
  pathrank::cli::AddCatalogCommands(app, context);
  pathrank::cli::AddRecommendCommands(app, context);
  pathrank::cli::AddTeamCommand(app, context);
  pathrank::cli::AddPluginCommands(app, context);
  pathrank::cli::AddOnetCommand(app, context);
  pathrank::cli::AddServeCommand(app, context);
  pathrank::cli::AddStoreCommands(app, context);
  pathrank::cli::AddSimulateCommand(app, context);
  pathrank::cli::AddPlacementCommand(app, context);
  pathrank::cli::AddEvalCommand(app, context);
  pathrank::cli::AddTuneCommand(app, context, argc, argv);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "pathrank: internal error: " << e.what() << '\n';
    return 70;
  }
  return context.exit_code;
}
