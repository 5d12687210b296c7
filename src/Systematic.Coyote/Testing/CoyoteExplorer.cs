using System.Diagnostics;
using System.Reflection;
using Lab.Systematic.Coyote.Monitors;
using Lab.Systematic.Coyote.Traces;
using Lab.Systematic.Specifications;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.Rewriting;
using CoyoteTestingEngine = Microsoft.Coyote.SystematicTesting.TestingEngine;

namespace Lab.Systematic.Coyote.Testing;

/// <summary>
/// Runs a harness (an <see cref="Action"/> over Coyote-rewritten code) under Microsoft Coyote's TestingEngine, maps
/// its report to the lab's bug kinds, saves its reproducible trace beside the lab's traces, and replays it.
/// </summary>
public static class CoyoteExplorer
{
    // Coyote keeps process-wide state (its telemetry client, per-object lock caches, the monitor observer here): one run at a time.
    private static readonly object RunGate = new();

    static CoyoteExplorer()
    {
        // Configuration.Create() reads this; WithTelemetryEnabled(false) below is the second guard.
        Environment.SetEnvironmentVariable("COYOTE_CLI_TELEMETRY_OPTOUT", "1");
    }

    /// <summary>Whether Coyote's rewriter has rewritten <paramref name="assembly"/>; unrewritten code runs uncontrolled.</summary>
    public static bool IsRewritten(Assembly assembly) => RewritingEngine.IsAssemblyRewritten(assembly);

    /// <summary>Explores <paramref name="test"/>; on a bug, writes its trace and returns the report with the trace path.</summary>
    public static CoyoteReport Explore(string testName, Action test, CoyoteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(testName);
        ArgumentNullException.ThrowIfNull(test);
        options ??= CoyoteOptions.Default;
        CoyoteReport report = Run(testName, test, options, trace: null);
        if (report is not { Bug: { } bug, ReproducibleTrace: { } reproducible }) return report;
        var trace = new CoyoteTrace
        {
            TestName = testName, Options = options, Iteration = report.Iterations, Kind = bug.Kind, Message = bug.Message,
            ReproducibleTrace = reproducible,
        };
        return report with { TracePath = CoyoteTraceFile.Save(trace, TracePathFor(trace)) };
    }

    /// <summary>Replays a saved trace against <paramref name="test"/> under the options it was found with.</summary>
    public static CoyoteReport Replay(CoyoteTrace trace, Action test)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(test);
        return Run(trace.TestName, test, trace.Options, trace.ReproducibleTrace);
    }

    /// <summary>Whether a replay showed the recorded bug again: the same kind and the same first line.</summary>
    public static bool Reproduces(CoyoteReport replay, CoyoteTrace trace) =>
        replay.Bug is { } bug && bug.Kind == trace.Kind && bug.Message == trace.Message;

    private static CoyoteReport Run(string testName, Action test, CoyoteOptions options, string? trace)
    {
        Configuration configuration = options.ToConfiguration(trace);
        void Iteration()
        {
            CoyoteSpecificationObserver.RegisterMonitors();
            test();
        }
        lock (RunGate)
        {
            ISpecificationObserver? previous = SpecificationObserver.Outside;
            SpecificationObserver.Outside = CoyoteSpecificationObserver.Instance;
            try
            {
                using CoyoteTestingEngine engine = CoyoteTestingEngine.Create(configuration, Iteration);
                engine.SetLogger(new TextWriterLogger(TextWriter.Null, VerbosityLevel.None));
                var clock = Stopwatch.StartNew();
                engine.Run();
                clock.Stop();
                var coyote = engine.TestReport;
                string? bugText = coyote.BugReports.FirstOrDefault();
                return new CoyoteReport
                {
                    TestName = testName,
                    Options = options,
                    Bug = bugText is null ? null : CoyoteBugClassifier.Classify(bugText),
                    Iterations = coyote.NumOfExploredFairPaths + coyote.NumOfExploredUnfairPaths,
                    Steps = coyote.TotalExploredFairSteps + coyote.TotalExploredUnfairSteps,
                    Elapsed = clock.Elapsed,
                    ReproducibleTrace = bugText is null ? null : engine.ReproducibleTrace,
                    ReadableTrace = engine.ReadableTrace,
                    UncontrolledInvocations = coyote.UncontrolledInvocations.Order(StringComparer.Ordinal).ToArray(),
                };
            }
            finally
            {
                SpecificationObserver.Outside = previous;
            }
        }
    }

    private static string TracePathFor(CoyoteTrace trace)
    {
        string name = new(trace.TestName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return Path.Combine(trace.Options.ResolvedTraceDirectory, $"{name}-coyote-seed{trace.Options.Seed}-it{trace.Iteration}.json");
    }
}
