using Lab.Cli.Exercises;
using Lab.Cli.Grading;
using Lab.Cli.Tests.Support;
using Lab.Systematic.Detection;
using Lab.Systematic.Testing;

namespace Lab.Cli.Tests;

/// <summary>
/// The trivial non-solutions of tests/Cli/NonSolutions (a constant answer, no synchronisation, doing nothing, and the
/// tricks that hide one big lock), each graded in this process exactly as <c>lab grade</c> grades it: the oracles
/// make every one Buggy, the concurrency probe makes every big lock OverSerialised, and the correct samples stay Correct.
/// </summary>
[TestFixture]
public sealed class NonSolutionTests
{
    [TestCase("lost-update", "constant-answer", "three-threads-twice", "the count of a new counter is 2, expected 0")]
    [TestCase("bank-transfer-audit", "constant-answer", "concurrent-transfers-conserve", "the total of a new bank is 100, expected 0")]
    [TestCase("lock-order-inversion", "constant-answer", "concurrent-transfers-conserve", "the opening balance of account 0 is 90, expected 100")]
    [TestCase("if-instead-of-while", "counts-instead-of-queueing", "fifo-no-loss-no-duplicate", "the first item taken after putting 21 then 34 is 1, expected 21")]
    [TestCase("if-instead-of-while", "stack-instead-of-queue", "fifo-no-loss-no-duplicate", "the first item taken after putting 21 then 34 is 34, expected 21")]
    [TestCase("dining-philosophers", "takes-no-fork", "neighbours-never-eat-together", "ate at the same time: fork")]
    [TestCase("dining-philosophers", "one-fork-each", "neighbours-never-eat-together", "ate at the same time: fork")]
    [TestCase("async-once", "constant-answer", "one-load-for-all-callers", "three overlapping callers got answer-1, answer-1, answer-1, expected value-1 each")]
    [TestCase("async-once", "caches-the-failure", "failed-load-is-retried", "two overlapping callers got failed: load 1 failed and failed: load 1 failed")]
    public void Grade_NonSolutionTheScenarioHarnessPasses_IsBuggy_AnOracleFindsIt_AndItsTraceReplays(string exercise, string student, string oracle, string message)
    {
        ExerciseResult result = NonSolutionGrading.Grade(exercise, student);
        string output = result.OutputOf(CheckNames.Exploration);
        string trace = new CliResult(0, output, "").ValueAfter("trace");

        CliResult replay = LabCli.Run("replay", trace, "--submission", NonSolutionGrading.FileOf(exercise, student));

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Buggy), output);
            Assert.That(output, Does.StartWith($"Oracle {oracle} (").And.Contain($"AssertionFailure in iteration").And.Contain(message));
            Assert.That(output, Does.Match(@"at \w+Oracles\.cs:\d+ in "), "where the oracle's check failed");
            Assert.That(trace, Does.Contain("oracle-" + oracle));
            Assert.That(replay.ExitCode, Is.EqualTo(2), replay.Output + replay.Error);
            Assert.That(replay.Output, Does.Contain($"oracle {oracle}").And.Contain("REPRODUCED: AssertionFailure").And.Contain(message));
        });
    }

    [TestCase("lost-update", "no-synchronisation", "an increment was lost", "LostUpdate.cs")]
    [TestCase("lost-update", "does-nothing", "count is 0, expected 2", "LostUpdate.cs")]
    [TestCase("bank-transfer-audit", "no-synchronisation", "the auditor saw a balance total of 90", "BankTransferAudit.cs")]
    [TestCase("bank-transfer-audit", "does-nothing", "the auditor saw a balance total of 0", "BankTransferAudit.cs")]
    [TestCase("lock-order-inversion", "no-synchronisation", "expected 90 and 110", "LockOrderInversion.cs")]
    [TestCase("lock-order-inversion", "does-nothing", "balances are 100 and 100", "LockOrderInversion.cs")]
    [TestCase("if-instead-of-while", "no-synchronisation", "expected 1 and 2", "IfInsteadOfWhile.cs")]
    [TestCase("if-instead-of-while", "does-nothing", "the consumers got 0 and 0", "IfInsteadOfWhile.cs")]
    [TestCase("dining-philosophers", "does-nothing", "P0 ate 0 times, expected once", "DiningPhilosophers.cs")]
    [TestCase("async-once", "no-synchronisation", "the loader ran 2 times for two overlapping calls", "AsyncOnceScenario.cs")]
    [TestCase("async-once", "does-nothing", "the loader ran 0 times for two overlapping calls", "AsyncOnceScenario.cs")]
    public void Grade_NonSolutionTheScenarioHarnessCatches_IsBuggy(string exercise, string student, string message, string where)
    {
        ExerciseResult result = NonSolutionGrading.Grade(exercise, student);
        string output = result.OutputOf(CheckNames.Exploration);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Buggy), output);
            Assert.That(output, Does.StartWith("AssertionFailure in iteration").And.Contain(message).And.Contain($"at {where}:"));
        });
    }

    [TestCase("does-nothing")]
    [TestCase("readers-not-excluded")]
    public void Grade_ReadWriteLockThatDoesNotExcludeWriters_IsBuggy(string student)
    {
        ExerciseResult result = NonSolutionGrading.Grade("readers-writers", student);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Buggy), result.OutputOf(CheckNames.Exploration));
    }

    [TestCase("does-nothing", "a writer is inside with")]
    [TestCase("readers-not-excluded", "reader(s): EnterWrite did not exclude them")]
    public void ExploreWriterAloneOracle_ReadWriteLockThatDoesNotExcludeWriters_FindsAWriterInsideWithOthers(string student, string message)
    {
        Exercise exercise = ExerciseCatalog.Find("readers-writers");
        ExerciseOracle oracle = exercise.FindOracle("writer-alone")!;
        Type implementation = ImplementationFinder.Find(
            SubmissionCompiler.CompileFile(NonSolutionGrading.FileOf(exercise.Id, student)).Load(), exercise.Scenario.Contract);

        TestReport report = TestingEngine.Explore("writer-alone oracle", oracle.Harness(ImplementationFinder.FactoryFor(implementation)),
            ExplorationOptions.Default.WithSeed(7).WithIterations(200).WithDataRaceDetection(false));

        Assert.Multiple(() =>
        {
            Assert.That(report.Bug?.Kind, Is.EqualTo(BugKind.AssertionFailure), report.Bug?.ToString());
            Assert.That(report.Bug?.Message, Does.Contain(message));
            Assert.That(report.Bug?.Location, Does.StartWith("ReadWriteLockOracles.cs:"));
        });
    }

    [TestCase("bank-transfer-audit", "big-lock-plus-yield", "the second call blocked at Enter(bank-lock) blocks (Bank.cs:")]
    [TestCase("bank-transfer-audit", "big-lock-plus-shared-read", "the second call blocked at Enter(bank-lock) blocks (Bank.cs:")]
    [TestCase("bank-transfer-audit", "ticket-mutex", "the second call ran 200 steps without finishing: it spins waiting for first")]
    [TestCase("lock-order-inversion", "one-lock-plus-yield", "the second call blocked at Enter(all-accounts) blocks (Accounts.cs:")]
    [TestCase("readers-writers", "ticket-mutex", "One thread got inside and waited there for the other, which was still outside after 1000 steps")]
    [TestCase("readers-writers", "ticket-mutex-plus-yield", "One thread got inside and waited there for the other, which was still outside after 1000 steps")]
    [TestCase("readers-writers", "ticket-mutex-plus-shared-read", "One thread got inside and waited there for the other, which was still outside after 1000 steps")]
    public void Grade_BigLockInDisguise_IsOverSerialised_AndLosesOnlyTheConcurrencyPoints(string exercise, string student, string finding)
    {
        ExerciseResult result = NonSolutionGrading.Grade(exercise, student);
        CheckResult concurrency = result.Checks.Single(c => c.Name == CheckNames.Concurrency);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.OverSerialised), string.Join(Environment.NewLine, result.Checks.Select(c => c.Output)));
            Assert.That(result.Checks.Where(c => c.Name != CheckNames.Concurrency).Select(c => c.Passed), Is.All.True);
            Assert.That(concurrency.Points, Is.Zero);
            Assert.That(concurrency.Output, Does.Contain("never overlapped").And.Contain(finding));
        });
    }

    /// <summary>Every exercise, by id.</summary>
    public static IEnumerable<TestCaseData> Exercises() => ExerciseCatalog.All.Select(e => new TestCaseData(e.Id).SetArgDisplayNames(e.Id));

    [TestCaseSource(nameof(Exercises))]
    public void Grade_CorrectSample_StaysCorrectUnderTheOraclesAndTheProbe(string exercise)
    {
        ExerciseResult result = NonSolutionGrading.GradeFile(exercise, TestFiles.Sample("correct", ExerciseCatalog.Find(exercise).FileName));

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Correct), string.Join(Environment.NewLine, result.Checks.Select(c => c.Output)));
            Assert.That(result.OutputOf(CheckNames.Exploration), Does.Contain("Oracle ").And.Contain(": no bug in "));
        });
    }
}
