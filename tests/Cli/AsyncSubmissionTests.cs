using Lab.Cli.Exercises;

namespace Lab.Cli.Tests;

/// <summary>Async C# in a submission: what the rewriter controls compiles; what it cannot control is refused at its line.</summary>
public sealed class AsyncSubmissionTests
{
    private const string AsyncClass = """
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            private readonly SemaphoreSlim _gate = new(1, 1);
            private readonly TaskCompletionSource<int> _ready = new();
            private int _n;

            public async Task<int> AddAsync()
            {
                await _gate.WaitAsync();
                try
                {
                    int seen = _n;
                    await Task.Yield();
                    _n = seen + 1;
                }
                finally
                {
                    _gate.Release();
                }
                await Task.Run(() => { }).ConfigureAwait(false);
                await Task.WhenAll(Task.Delay(1), Task.Run(() => 1));
                await Task.WhenAny(Task.Delay(1), _ready.Task);
                return await NextAsync();
            }

            private async ValueTask<int> NextAsync()
            {
                await StepAsync();
                return _n;
            }

            private async ValueTask StepAsync() => await Task.CompletedTask;

            public async void Fire() => await AddAsync();

            public async Task Cancelled()
            {
                using var source = new CancellationTokenSource();
                source.Cancel();
                source.Token.ThrowIfCancellationRequested();
                await Task.Delay(1).ConfigureAwait(false);
            }
        }
        """;

    [Test]
    public void Compile_AsyncMethodsOverControlledAwaitables_AreAllowedAndRewritten()
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/C.cs", AsyncClass);

        Assert.Multiple(() =>
        {
            Assert.That(compiled.Errors, Is.Empty);
            Assert.That(compiled.Load().GetCustomAttributes(typeof(Lab.Systematic.Interception.RewrittenAssemblyAttribute), false), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void Compile_LazyRegistrationsAndWaitAny_WhichTheEngineControls_AreAllowedAndRewritten()
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/C.cs", """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private readonly Lazy<int> _answer = new(() => 42, LazyThreadSafetyMode.ExecutionAndPublication);

                public int FirstDone()
                {
                    using var source = new CancellationTokenSource();
                    int seen = 0;
                    source.Token.Register(() => seen = _answer.Value);
                    source.Cancel();
                    return Task.WaitAny(new Task[] { Task.Run(() => seen), Task.Delay(1) });
                }
            }
            """);

        Assert.That(compiled.Errors, Is.Empty, string.Join(Environment.NewLine, compiled.Errors));
    }

    [Test]
    public void Compile_AChannel_IsRefusedAsChannels_AtItsLine()
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/C.cs", """
            using System.Threading.Channels;
            using System.Threading.Tasks;
            class C
            {
                public async Task M()
                {
                    Channel<int> channel = Channel.CreateUnbounded<int>();
                    await channel.Writer.WriteAsync(1);
                }
            }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(compiled.Succeeded, Is.False);
            Assert.That(compiled.Errors, Has.Some.StartsWith("C.cs(7,").And.Contains("error LAB003: System.Threading.Channels.Channel.CreateUnbounded").And.Contains("(channels)"));
        });
    }

    [Test]
    public void Compile_CustomAwaiter_IsRefusedAtItsLineWithLab003()
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/C.cs", """
            using System.Runtime.CompilerServices;
            using System.Threading.Tasks;
            class C
            {
                public async Task M() => await new Later();
            }
            sealed class Later : INotifyCompletion
            {
                public Later GetAwaiter() => this;
                public bool IsCompleted => false;
                public void OnCompleted(Action continuation) => continuation();
                public void GetResult() { }
            }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(compiled.Succeeded, Is.False);
            Assert.That(compiled.Errors, Has.Some.StartsWith("C.cs(7,").And.Contains("error LAB003: System.Runtime.CompilerServices.INotifyCompletion")
                .And.Contains("an awaitable or async builder the explorer does not control"));
        });
    }

    [TestCase("ThreadPool.RegisterWaitForSingleObject(new ManualResetEvent(false), (_, _) => { }, null, -1, true); await Task.Yield();",
        "error LAB003: System.Threading.WaitOrTimerCallback", "uncontrolled concurrency the explorer cannot see")]
    [TestCase("using var timer = new Timer(_ => { }, null, 0, 10); await Task.Yield();", "error LAB002: System.Threading.Timer", "real concurrency")]
    [TestCase("await Task.Delay(1).ContinueWith(_ => { });", "error LAB005:", "ContinueWith")]
    public void Compile_UncontrolledConstructInAnAsyncMethod_IsRefusedAtItsLine(string statement, string code, string what)
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/C.cs",
            "using System.Threading;\nusing System.Threading.Tasks;\nclass C\n{\n    async Task M()\n    {\n        " + statement + "\n    }\n}\n");

        Assert.Multiple(() =>
        {
            Assert.That(compiled.Succeeded, Is.False);
            Assert.That(compiled.Errors, Has.Some.StartsWith("C.cs(7,").And.Contains(code).And.Contains(what), string.Join(Environment.NewLine, compiled.Errors));
        });
    }

    [Test]
    public void Compile_AsyncStream_IsRefused_SayingAsyncStreamsAreNotAcceptedYet()
    {
        CompiledSubmission compiled = SubmissionCompiler.Compile("/submissions/C.cs",
            "using System.Threading.Tasks;\nclass C\n{\n    static async IAsyncEnumerable<int> Numbers() { await Task.Yield(); yield return 1; }\n}\n");

        Assert.Multiple(() =>
        {
            Assert.That(compiled.Succeeded, Is.False);
            Assert.That(compiled.Errors, Has.Some.Contains("error LAB003: System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute")
                .And.Contains(SubmissionAllowlist.AsyncStreams));
            Assert.That(compiled.Errors, Has.None.Contains(SubmissionAllowlist.UncontrolledConcurrency), "one reason for the stream's plumbing");
        });
    }
}
