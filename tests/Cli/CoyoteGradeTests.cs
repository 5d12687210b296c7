using Lab.Cli.Coyote;
using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

/// <summary>
/// <c>lab grade --engine coyote</c>: Coyote's second opinion beside the lab's verdict. One real grading run (three made-up
/// students, each a worker for the lab and one for Coyote) serves the tests that read its output. Not parallel: slow.
/// </summary>
[NonParallelizable]
public sealed class CoyoteGradeTests
{
    /// <summary>Ordinary C#: each transfer locks its source first, so two opposite transfers can deadlock.</summary>
    private const string DeadlockingAccounts = """
        using Lab.Scenarios.Deadlocks;

        namespace Exercises;

        public sealed class Accounts : IAccounts
        {
            private readonly object[] _locks = [new object(), new object()];
            private readonly int[] _balances = [100, 100];

            public void Transfer(int from, int to, int amount)
            {
                lock (_locks[from])
                lock (_locks[to])
                {
                    _balances[from] -= amount;
                    _balances[to] += amount;
                }
            }

            public int Balance(int account)
            {
                lock (_locks[account]) return _balances[account];
            }
        }
        """;

    /// <summary>Ordinary C#: the lower-numbered account is always locked first.</summary>
    private const string OrderedAccounts = """
        using Lab.Scenarios.Deadlocks;

        namespace Exercises;

        public sealed class Accounts : IAccounts
        {
            private readonly object[] _locks = [new object(), new object()];
            private readonly int[] _balances = [100, 100];

            public void Transfer(int from, int to, int amount)
            {
                lock (_locks[Math.Min(from, to)])
                lock (_locks[Math.Max(from, to)])
                {
                    _balances[from] -= amount;
                    _balances[to] += amount;
                }
            }

            public int Balance(int account)
            {
                lock (_locks[account]) return _balances[account];
            }
        }
        """;

    /// <summary>A correct fix written with the lab's own primitives, which Coyote cannot see.</summary>
    private const string LabPrimitiveAccounts = """
        using Lab.Scenarios.Deadlocks;
        using Lab.Systematic.Threading;

        namespace Exercises;

        public sealed class Accounts : IAccounts
        {
            private readonly Lock[] _locks = [new("account0"), new("account1")];
            private readonly int[] _balances = [100, 100];

            public void Transfer(int from, int to, int amount)
            {
                using (_locks[Math.Min(from, to)].EnterScope())
                using (_locks[Math.Max(from, to)].EnterScope())
                {
                    _balances[from] -= amount;
                    _balances[to] += amount;
                }
            }

            public int Balance(int account)
            {
                using (_locks[account].EnterScope())
                {
                    return _balances[account];
                }
            }
        }
        """;

    private ScratchDirectory _scratch = null!;
    private CliResult _graded = null!;

    [OneTimeSetUp]
    public void GradeThreeStudentsWithCoyote()
    {
        _scratch = new ScratchDirectory();
        Write("dana-deadlocks", "Accounts.cs", DeadlockingAccounts);
        Write("omar-ordered", "Accounts.cs", OrderedAccounts);
        Write("lena-lab-primitives", "Accounts.cs", LabPrimitiveAccounts);
        _graded = LabCli.Run("grade", _scratch.Combine("class"), "--out", _scratch.Combine("out"), "--exercise", "lock-order-inversion",
            "--engine", "coyote", "--seed", "7");
    }

    [OneTimeTearDown]
    public void DeleteScratch() => _scratch.Dispose();

    [Test]
    public void GradeWithCoyote_ALockOrderInversionInOrdinaryCSharp_GetsCoyotesBuggyVerdict_WithTheDeadlockKind_AndItsTraceReplays()
    {
        string file = _scratch.Combine("class", "dana-deadlocks", "Accounts.cs");
        string trace = Directory.GetFiles(_scratch.Combine("out", "traces", "dana-deadlocks"), "*coyote*.json").Single();

        CliResult replayed = LabCli.Run("replay", trace, "--submission", file);

        Assert.Multiple(() =>
        {
            Assert.That(_graded.ExitCode, Is.EqualTo(0), _graded.Output + _graded.Error);
            Assert.That(Row("dana-deadlocks"), Does.Match(@"Buggy \(Deadlock, iteration \d+\)"));
            Assert.That(_graded.Output, Does.Contain("dana-deadlocks / lock-order-inversion: coyote: Buggy (Deadlock, iteration").And.Contain("Deadlock detected."));
            Assert.That(_graded.Output, Does.Contain($"replay: dotnet run --project tools/Lab -- replay \"{trace}\" --submission \"{file}\""));
            Assert.That(replayed.ExitCode, Is.EqualTo(2), replayed.Output + replayed.Error);
            Assert.That(replayed.Output, Does.Contain("REPRODUCED: Deadlock"));
        });
    }

    [Test]
    public void GradeWithCoyote_OrderedLocksInOrdinaryCSharp_GetCoyotesCorrectVerdict_UnderTheStatedConfiguration()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Row("omar-ordered"), Does.Contain("Correct (300 iterations)"));
            Assert.That(_graded.Output, Does.Contain("omar-ordered / lock-order-inversion: coyote: Correct (300 iterations): coyote random, seed 7, 300 iterations"));
        });
    }

    [Test]
    public void GradeWithCoyote_AFileWrittenWithTheLabsPrimitives_IsNotExplorableByCoyote_NamingThePrimitive()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Row("lena-lab-primitives"), Does.Contain("not explorable by Coyote"));
            Assert.That(_graded.Output, Does.Contain("Lab.Systematic.Threading.Lock"));
        });
    }

    [Test]
    public void GradeWithCoyote_ShowsTheLabsScoringVerdictAndCoyotesOpinionSideBySide_AndWritesCoyoteMd()
    {
        string report = _scratch.Combine("out", CoyoteGradeReport.FileName);
        Assert.Multiple(() =>
        {
            Assert.That(_graded.Output, Does.Contain("Lab (scores)").And.Contain("Coyote (second opinion)"));
            Assert.That(Row("lena-lab-primitives"), Does.Contain("Correct"), "the lab grades the lab-primitive file as before");
            Assert.That(Row("dana-deadlocks"), Does.Contain("0 Buggy"), "the lab explores the ordinary C# itself and scores it");
            Assert.That(_graded.Output, Does.Contain("coyote: 3 submissions: 1 Correct, 1 Buggy, 1 not explorable; on bugs it agrees with the lab in 2 of the 2 both engines judged"));
            Assert.That(File.Exists(report), Is.True, report);
            Assert.That(File.ReadAllText(report), Does.Contain("| dana-deadlocks | lock-order-inversion |").And.Contain("Buggy (Deadlock, iteration"));
        });
    }

    [Test]
    public void Grade_UnknownEngine_IsAOneLineError_WithExitOne()
    {
        CliResult result = LabCli.Run("grade", TestFiles.Samples, "--out", _scratch.Combine("never"), "--engine", "shuttle");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error.Trim().Split('\n'), Has.Length.EqualTo(1), result.Error);
            Assert.That(result.Error, Does.Contain("--engine takes lab, coyote or both; 'shuttle' is not one"));
            Assert.That(Directory.Exists(_scratch.Combine("never")), Is.False);
        });
    }

    /// <summary>The side-by-side table's row of <paramref name="student"/> (the gradebook above it has no exercise column).</summary>
    private string Row(string student) =>
        _graded.Output.Split('\n').FirstOrDefault(line => line.Contains('│') && line.Contains($" {student} ", StringComparison.Ordinal)
                                                            && line.Contains("lock-order-inversion", StringComparison.Ordinal))
        ?? throw new AssertionException($"no side-by-side row for {student} in:\n{_graded.Output}{_graded.Error}");

    private void Write(string student, string file, string source)
    {
        string folder = _scratch.Combine("class", student);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, file), source);
    }
}
