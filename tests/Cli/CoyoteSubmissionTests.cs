using Lab.Cli.Coyote;

namespace Lab.Cli.Tests;

/// <summary>The Coyote compile path of <c>lab grade --engine coyote</c>: ordinary C# compiles, the IL allowlist still holds, Coyote's blind spots are named.</summary>
public sealed class CoyoteSubmissionTests
{
    [Test]
    public void CompileForCoyote_OrdinaryCSharpWithCoyotesBlindSpots_Compiles_AndNamesEachBlindSpotWithItsLine()
    {
        CoyoteCompiledSubmission compiled = CoyoteSubmission.Compile("/submissions/Counter.cs", """
            using System.Threading;
            using Lab.Scenarios.Races;

            public sealed class Counter : ICounter
            {
                private static int _count;
                private readonly object _gate = new();

                public void Increment()
                {
                    while (!Monitor.TryEnter(_gate)) { }
                    try { _count++; } finally { Monitor.Exit(_gate); }
                }

                public int Value
                {
                    get { lock (_gate) { Monitor.Wait(_gate, 10); return _count; } }
                }
            }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(compiled.Succeeded, Is.True, string.Join("\n", compiled.Errors));
            Assert.That(compiled.LabPrimitives, Is.Empty);
            Assert.That(compiled.BlindSpots, Has.Some.StartsWith("Counter.cs(12,15): _count is a static field"));
            Assert.That(compiled.BlindSpots, Has.Some.StartsWith("Counter.cs(11,17): Coyote 1.7.11 models Monitor.TryEnter as a blocking Enter"));
            Assert.That(compiled.BlindSpots, Has.Some.StartsWith("Counter.cs(17,30): Coyote treats a timed wait as an infinite one"));
        });
    }

    [Test]
    public void CompileForCoyote_FileAccess_IsStillRefusedByTheAllowlist()
    {
        CoyoteCompiledSubmission compiled = CoyoteSubmission.Compile("/submissions/Counter.cs", """
            using Lab.Scenarios.Races;

            public sealed class Counter : ICounter
            {
                private int _count;
                public void Increment() => _count = System.IO.File.ReadAllText("/etc/hostname").Length;
                public int Value => _count;
            }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(compiled.Succeeded, Is.False);
            Assert.That(compiled.Errors, Has.Some.Contains("error LAB003: System.IO.File").And.Contains("files and streams"));
        });
    }
}
