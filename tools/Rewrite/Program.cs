using Lab.Rewrite;
using Lab.Systematic.Rewriting;

// Errors use MSBuild's canonical "origin : error CODE : text" form, so a build shows them as build errors.
RewriteCommandLine commandLine;
try
{
    commandLine = RewriteCommandLine.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine($"lab-rewrite : error LABRW001 : {exception.Message}; {RewriteCommandLine.Usage}");
    return 1;
}
try
{
    RewriteReport report = AssemblyRewriter.RewriteFile(commandLine.Assembly, commandLine.Options);
    Console.WriteLine($"lab-rewrite: {report.Summary}");
    if (commandLine.ListUncontrolled)
        foreach (string entry in report.Uncontrolled) Console.WriteLine($"  uncontrolled: {entry}");
    return 0;
}
catch (RewritingException exception)
{
    Console.Error.WriteLine($"lab-rewrite : error LABRW002 : {exception.Message}");
    return 1;
}
