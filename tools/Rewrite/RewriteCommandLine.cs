using Lab.Systematic.Rewriting;

namespace Lab.Rewrite;

/// <summary>
/// <c>lab-rewrite &lt;assembly&gt; [--out &lt;path&gt;] [--keep-original &lt;dir&gt;] [--search &lt;dir&gt;]... [--search-file &lt;file&gt;] [--report]</c>:
/// the arguments the build target passes, parsed into rewriter options.
/// </summary>
public sealed record RewriteCommandLine(string Assembly, RewriterOptions Options, bool ListUncontrolled)
{
    /// <summary>The usage line printed with argument errors.</summary>
    public const string Usage = "usage: lab-rewrite <assembly.dll> [--out <path>] [--keep-original <dir>] [--search <dir>]... [--search-file <file>] [--report]";

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a one-line message on a mistake.</summary>
    public static RewriteCommandLine Parse(IReadOnlyList<string> args)
    {
        string? assembly = null;
        RewriterOptions options = RewriterOptions.Default;
        bool report = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--out":
                    options = options.WithOutputPath(Value(args, ref i, arg));
                    break;
                case "--keep-original":
                    options = options.WithOriginalCopyDirectory(Value(args, ref i, arg));
                    break;
                case "--search":
                    options = options.WithSearchDirectories(Value(args, ref i, arg));
                    break;
                case "--search-file":
                    string file = Value(args, ref i, arg);
                    if (!File.Exists(file)) throw new ArgumentException($"--search-file: no such file {file}");
                    options = options.WithSearchDirectories(File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray());
                    break;
                case "--report":
                    report = true;
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unknown option {arg}");
                    if (assembly is not null) throw new ArgumentException($"one assembly at a time (got {assembly} and {arg})");
                    assembly = arg;
                    break;
            }
        }
        return new RewriteCommandLine(assembly ?? throw new ArgumentException("no assembly given"), options, report);
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string option) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{option} needs a value");
}
