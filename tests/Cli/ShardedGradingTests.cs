using System.Text.RegularExpressions;
using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

/// <summary>
/// A small class graded for real twice, whole and as shards 1/2 and 2/2 merged into the same folder: the merged
/// reports and traces are the unsharded run's, byte for byte, except the measured timings.
/// </summary>
[TestFixture]
public sealed partial class ShardedGradingTests
{
    private static readonly string[] Grading = ["--exercise", "lost-update", "bank-transfer-audit", "--timeout", "30s"];
    private ScratchDirectory _scratch = null!;
    private CliResult _whole = null!;
    private CliResult _first = null!;
    private CliResult _second = null!;
    private CliResult _merged = null!;
    private IReadOnlyDictionary<string, string> _wholeFiles = null!;
    private IReadOnlyDictionary<string, string> _mergedFiles = null!;

    [OneTimeSetUp]
    public void GradeWholeThenShardedAndMerged()
    {
        _scratch = new ScratchDirectory();
        string submissions = _scratch.Combine("class");
        Hand("correct", "correct", "Counter.cs", "Bank.cs");
        Hand("does-not-compile", "does-not-compile", "Counter.cs");
        Hand("over-serialised", "over-serialised", "Bank.cs");
        Hand("still-buggy", "still-buggy", "Counter.cs");
        string output = _scratch.Combine("reports");

        _whole = LabCli.Run(["grade", submissions, "--out", output, .. Grading]);
        _wholeFiles = Snapshot(output);
        Directory.Delete(output, recursive: true);
        _first = LabCli.Run(["grade", submissions, "--shard", "1/2", "--out", _scratch.Combine("shard-1"), .. Grading]);
        _second = LabCli.Run(["grade", submissions, "--shard", "2/2", "--out", _scratch.Combine("shard-2"), .. Grading]);
        _merged = LabCli.Run("grade", "--merge", _scratch.Combine("shard-2"), _scratch.Combine("shard-1"), "--out", output);
        _mergedFiles = Snapshot(output);

        void Hand(string student, string sample, params string[] files)
        {
            Directory.CreateDirectory(Path.Combine(submissions, student));
            foreach (string file in files) File.Copy(TestFiles.Sample(sample, file), Path.Combine(submissions, student, file));
        }
    }

    [OneTimeTearDown]
    public void DeleteEverything() => _scratch.Dispose();

    [Test]
    public void ShardsAndMerge_EachExitZero_EachShardGradingItsHalfOfTheClass()
    {
        Assert.Multiple(() =>
        {
            foreach (CliResult run in new[] { _whole, _first, _second, _merged }) Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
            Assert.That(_first.LastLine, Is.EqualTo("grade: 2 students, 4 submissions: 2 Correct, 1 OverSerialised, 1 Missing"), "correct and over-serialised");
            Assert.That(_second.LastLine, Is.EqualTo("grade: 2 students, 4 submissions: 1 Buggy, 1 CompileError, 2 Missing"), "does-not-compile and still-buggy");
        });
    }

    [Test]
    public void Merge_PrintsTheUnshardedRunsGradebookAndVerdictCounts()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_merged.LastLine, Is.EqualTo(_whole.LastLine));
            Assert.That(_merged.LastLine, Is.EqualTo("grade: 4 students, 8 submissions: 2 Correct, 1 Buggy, 1 OverSerialised, 1 CompileError, 3 Missing"));
            Assert.That(Table(_merged.Output), Is.EqualTo(Table(_whole.Output)));
        });
    }

    [Test]
    public void Merge_WritesTheUnshardedRunsReportsAndTraces_ByteForByte_ExceptTimings()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_mergedFiles.Keys, Is.EquivalentTo(_wholeFiles.Keys));
            Assert.That(_wholeFiles.Keys, Has.Some.StartsWith("traces/still-buggy/lost-update/"), "the buggy student's trace is part of what is compared");
            Assert.That(_wholeFiles.Keys, Has.Member("gradebook.csv").And.Member("summary.md").And.Member("junit.xml").And.Member("gradescope/correct/results.json"));
            foreach ((string file, string content) in _wholeFiles)
            {
                Assert.That(_mergedFiles.GetValueOrDefault(file), Is.EqualTo(content), file);
            }
        });
    }

    [Test]
    public void Merge_TheBuggyStudentsReplayCommand_NamesTheTraceInTheMergedFolder()
    {
        string results = _mergedFiles["gradescope/still-buggy/results.json"];

        Assert.Multiple(() =>
        {
            Assert.That(results, Does.Contain(Path.Combine(_scratch.Combine("reports"), "traces", "still-buggy", "lost-update")));
            Assert.That(results, Does.Not.Contain(_scratch.Combine("shard-2")));
        });
    }

    /// <summary>Every file under <paramref name="folder"/> by its relative path, with the measured timings blanked.</summary>
    private static IReadOnlyDictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            file => Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'),
            file => Timing().Replace(File.ReadAllText(file), "${name}TIME"));

    private static string Table(string output) => string.Join("\n", output.Split('\n').Where(line => line.Contains(" / 20", StringComparison.Ordinal)));

    [GeneratedRegex("(?<name>\"execution_time\": |time=\")[0-9.]+")]
    private static partial Regex Timing();
}
