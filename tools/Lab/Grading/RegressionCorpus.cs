using System.Text.Json;
using Lab.Cli.Scenarios;
using Lab.Scenarios;
using Lab.Systematic.Strategies;
using Lab.Systematic.Testing;
using Lab.Systematic.Traces;

namespace Lab.Cli.Grading;

/// <summary>
/// The schedules that broke a scenario's buggy variant: its failing traces (as found and minimised) from explorations under
/// several seeds, distinct by their decisions. Grading follows each as a guided prefix on the student's code.
/// </summary>
public static class RegressionCorpus
{
    /// <summary>How many distinct failing schedules the corpus keeps per exercise.</summary>
    public const int Size = 4;

    /// <summary>Explores the buggy variant under seeds derived from <paramref name="seed"/> until <see cref="Size"/> distinct failing schedules are found (or a few tries more).</summary>
    public static IReadOnlyList<ScheduleTrace> Build(IScenario scenario, ulong seed, string scratchDirectory)
    {
        var traces = new List<ScheduleTrace>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string testName = TestSubject.For(scenario, Variant.Buggy).TestName;
        Action body = scenario.Harness(scenario.Factory(Variant.Buggy));
        for (ulong attempt = 0; attempt < 3 * Size && traces.Count < Size; attempt++)
        {
            ExplorationOptions options = scenario.Budget.WithSeed(DeterministicRandom.Derive(seed, attempt)).WithTraceDirectory(scratchDirectory);
            TestReport report = TestingEngine.Explore(testName, body, options, options.CreateStrategy());
            foreach (ScheduleTrace? trace in new[] { report.Trace, report.OriginalTrace })
            {
                if (trace is not null && traces.Count < Size && seen.Add(Key(trace))) traces.Add(trace);
            }
        }
        return traces;
    }

    /// <summary>Writes the corpus as trace files "corpus-N.json" into <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> Save(IReadOnlyList<ScheduleTrace> corpus, string directory) =>
        corpus.Select((trace, i) => TraceFile.Save(trace, Path.Combine(directory, $"corpus-{i}.json"))).ToList();

    /// <summary>Reads back a corpus written by <see cref="Save"/>, in file-name order.</summary>
    public static IReadOnlyList<ScheduleTrace> Load(string directory) =>
        Directory.GetFiles(directory, "corpus-*.json").Order(StringComparer.Ordinal).Select(TraceFile.Load).ToList();

    /// <summary>The corpus as one JSON text (an array of trace documents), as the grader hands it to a worker.</summary>
    public static string Serialize(IReadOnlyList<ScheduleTrace> corpus) => JsonSerializer.Serialize(corpus.Select(TraceFile.ToJson).ToArray());

    /// <summary>Reads back a corpus written by <see cref="Serialize"/>; a malformed one is a <see cref="TraceFormatException"/>.</summary>
    public static IReadOnlyList<ScheduleTrace> Deserialize(string json)
    {
        string[] traces;
        try
        {
            traces = JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (JsonException exception)
        {
            throw new TraceFormatException("corpus", "it is not a JSON array of traces: " + exception.Message, exception);
        }
        return traces.Select((trace, i) => TraceFile.Parse(trace, $"corpus trace {i + 1}")).ToList();
    }

    private static string Key(ScheduleTrace trace) => string.Join(",", trace.Decisions.Select(d => $"{(int)d.Kind}:{d.Value}"));
}
