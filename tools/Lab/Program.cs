using Lab.Cli;
using Lab.Cli.Terminal;

return LabApplication.Run(args, LabConsole.ForProcess());
