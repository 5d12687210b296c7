using System.CommandLine;
using Lab.Cli.Terminal;
using Lab.Systematic.Rewriting;

namespace Lab.Cli.Commands;

/// <summary>
/// <c>lab rewrite &lt;dll&gt; [--out &lt;dll&gt;] [--report]</c>: rewrites a compiled assembly by hand, with the library
/// the build uses (build/Lab.Rewriting.targets), so users can see what the rewriter changed.
/// </summary>
public static class RewriteCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(LabConsole console)
    {
        var assembly = new Argument<string>("dll") { Description = "The compiled assembly to rewrite; its .pdb beside it keeps the line numbers." };
        var output = new Option<string?>("--out") { Description = "Write the rewritten assembly (and PDB) here instead of rewriting in place." };
        var report = new Option<bool>("--report") { Description = "Also list the calls to concurrency members that have no stand-in (left uncontrolled)." };
        var command = new Command("rewrite", "Rewrite a compiled assembly so the explorer controls its locks, threads and shared memory (docs/rewriting.md).")
        {
            assembly, output, report,
        };
        CommandAction.Set(command, console, parse =>
        {
            string path = parse.GetValue(assembly)!;
            string? target = parse.GetValue(output);
            RewriteReport result;
            try
            {
                result = AssemblyRewriter.RewriteFile(path, RewriterOptions.Default.WithOutputPath(target));
            }
            catch (RewritingException exception)
            {
                throw new UsageException(exception.Message);
            }
            console.Line(result.AlreadyRewritten
                ? $"{path}: already rewritten, left as it is{(target is null ? "" : $" (copied to {target})")}"
                : $"rewrote {path}{(target is null ? " in place" : $" -> {target}")}");
            foreach (PassCount pass in result.Passes) console.Line($"  {pass.Pass,-20} {pass.Sites,6}");
            if (!result.AlreadyRewritten) console.Line($"  {"uncontrolled calls",-20} {result.Uncontrolled.Count,6}{(result.Uncontrolled.Count > 0 && !parse.GetValue(report) ? "   (--report lists them)" : "")}");
            if (parse.GetValue(report))
                foreach (string entry in result.Uncontrolled) console.Line($"  uncontrolled: {entry}");
            return ExitCodes.Success;
        });
        return command;
    }
}
