using Lab.Cli.Exercises;
using Lab.Cli.Grading;
using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

/// <summary>The exercises stay meaningful: every starter compiles and is still buggy, and a known-good fix of each passes grading.</summary>
public sealed class ExerciseStarterTests
{
    private static readonly GradingSettings Settings = new()
    {
        Budget = 300,
        DporScheduleCap = 500,
        TraceDirectory = Path.Combine(Path.GetTempPath(), "lab-cli-tests", "starters"),
    };

    public static IEnumerable<TestCaseData> Exercises() => ExerciseCatalog.All.Select(e => new TestCaseData(e.Id).SetArgDisplayNames(e.Id));

    [TestCaseSource(nameof(Exercises))]
    public void Starter_CompilesAndIsGradedBuggy(string id)
    {
        Exercise exercise = ExerciseCatalog.Find(id);
        CompiledSubmission compiled = SubmissionCompiler.CompileFile(Path.Combine(TestFiles.Exercises, exercise.FileName));

        ExerciseResult result = SubmissionGrader.Grade(exercise, compiled, Corpus(exercise), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(compiled.Errors, Is.Empty);
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Buggy));
            Assert.That(result.Checks[0].Output, Does.StartWith(exercise.Scenario.ExpectedBug.ToString()));
            Assert.That(File.ReadAllText(compiled.SourcePath), Does.Contain($"--filter Name~{exercise.Id}"), "the task statement names its own test filter");
        });
    }

    [TestCaseSource(nameof(Exercises))]
    public void CorrectSample_IsGradedCorrectWithFullMarks(string id)
    {
        Exercise exercise = ExerciseCatalog.Find(id);
        CompiledSubmission compiled = SubmissionCompiler.CompileFile(TestFiles.Sample("correct", exercise.FileName));

        ExerciseResult result = SubmissionGrader.Grade(exercise, compiled, Corpus(exercise), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Correct), string.Join(Environment.NewLine, result.Checks.Select(c => c.Output)));
            Assert.That(result.Score, Is.EqualTo(Scoring.ExercisePoints));
        });
    }

    [Test]
    public void CorrectCounterWithLock_IsVerifiedOverAllInterleavings_WithItsBoundStated()
    {
        Exercise exercise = ExerciseCatalog.Find("lost-update");
        CompiledSubmission compiled = SubmissionCompiler.CompileFile(TestFiles.Sample("correct", exercise.FileName));

        ExerciseResult result = SubmissionGrader.Grade(exercise, compiled, Corpus(exercise), Settings);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(compiled.SourcePath), Does.Contain("lock (_gate)"), "the sample is ordinary C#");
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Correct));
            Assert.That(result.Checks[0].Output, Does.Match(@"DPOR verified over all \d+ interleavings \(\d+ Mazurkiewicz traces\) within bound \d+ steps"));
        });
    }

    [Test]
    public void StarterCounter_FixedWithALockStatement_PassesItsExercise()
    {
        Exercise exercise = ExerciseCatalog.Find("lost-update");
        string starter = File.ReadAllText(Path.Combine(TestFiles.Exercises, exercise.FileName));
        string fixedSource = starter.Replace("        _count++;", "        lock (this)\n        {\n            _count++;\n        }", StringComparison.Ordinal);
        Assert.That(fixedSource, Is.Not.EqualTo(starter), "the starter increments with '_count++;'");

        ExerciseResult result = SubmissionGrader.Grade(exercise, SubmissionCompiler.Compile("/submissions/Counter.cs", fixedSource), Corpus(exercise), Settings);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Correct), string.Join(Environment.NewLine, result.Checks.Select(c => c.Output)));
    }

    [TestCaseSource(nameof(Exercises))]
    public void ReferenceFix_IsGradedCorrect(string id)
    {
        Exercise exercise = ExerciseCatalog.Find(id);

        ExerciseResult result = ExerciseEvaluator.Evaluate(exercise, ExerciseSubject.Reference(exercise), Corpus(exercise), Settings);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Correct), string.Join(Environment.NewLine, result.Checks.Select(c => c.Output)));
    }

    [Test]
    public void RegressionCorpus_OfEveryExercise_HoldsFailingSchedulesOfTheBuggyVariant()
    {
        foreach (Exercise exercise in ExerciseCatalog.All)
        {
            var corpus = Corpus(exercise);
            Assert.That(corpus, Is.Not.Empty, exercise.Id);
            Assert.That(corpus.Select(t => t.Bug?.Kind), Is.All.EqualTo(exercise.Scenario.ExpectedBug), exercise.Id);
        }
    }

    private static IReadOnlyList<Lab.Systematic.Traces.ScheduleTrace> Corpus(Exercise exercise) =>
        RegressionCorpus.Build(exercise.Scenario, Settings.Seed, Path.Combine(Settings.TraceDirectory, "corpus-scratch"));
}
