// obs: the release gate on the command line. See README.md and `obs --help`.
using Observability.Cli;

return await ObsCommandLine.RunAsync(args).ConfigureAwait(false);
