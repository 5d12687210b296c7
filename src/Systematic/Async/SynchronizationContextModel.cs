using Lab.Systematic.Interception;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Async;

/// <summary>
/// A SynchronizationContext installed inside an exploration, modelled as single-threaded (a UI thread, classic
/// ASP.NET): the operation that installed it runs on it, and so does each continuation that captured it, one at a
/// time. An operation blocked in Wait/Result still holds it, so a continuation that needs it cannot run: the
/// sync-over-async deadlock, reported with its wait-for cycle.
/// </summary>
internal sealed class SynchronizationContextModel(SynchronizationContext context, string name) : IWaitResource
{
    private static readonly object s_key = new();

    public SynchronizationContext Context { get; } = context;

    public string Name { get; } = name;

    /// <summary>The operation running on the context now, if any.</summary>
    public ControlledOperation? Holder { get; set; }

    public bool IsFree => Holder is null or { Status: OperationStatus.Completed };

    public IEnumerable<ControlledOperation> Holders => IsFree ? [] : [Holder!];

    public string DescribeState() => IsFree ? "free" : $"busy on {Holder!.Name}";

    /// <summary>The model of the context installed on the calling thread, if it was installed inside this iteration.</summary>
    public static SynchronizationContextModel? Current(ControlledRuntime runtime) =>
        SynchronizationContext.Current is { } context ? ObjectModels.Find<SynchronizationContextModel>(runtime, context) : null;

    /// <summary>SetSynchronizationContext inside an exploration: the calling operation now runs on <paramref name="context"/>.</summary>
    public static void Install(ControlledRuntime runtime, ControlledOperation operation, SynchronizationContext? context)
    {
        if (Current(runtime) is { } previous && previous.Holder == operation) previous.Holder = null;
        if (context is null) return;
        if (ObjectModels.Find<SynchronizationContextModel>(runtime, context) is not { } model)
        {
            model = new SynchronizationContextModel(context, $"the single-threaded {context.GetType().Name}");
            ObjectModels.Add(runtime, context, model);
            runtime.Register(model);
            All(runtime).Add(model);
        }
        model.Holder = operation;
    }

    /// <summary>The calling operation waits as a message loop does (an async test body's end): it lets continuations run on its context.</summary>
    public static void Pump(ControlledRuntime runtime, ControlledOperation operation)
    {
        foreach (SynchronizationContextModel model in All(runtime))
        {
            if (model.Holder == operation) model.Holder = null;
        }
    }

    /// <summary>The contexts installed in this iteration (an async method's Start restores the thread's context, so the thread cannot tell).</summary>
    private static List<SynchronizationContextModel> All(ControlledRuntime runtime)
    {
        if (ObjectModels.Find<List<SynchronizationContextModel>>(runtime, s_key) is { } all) return all;
        all = [];
        ObjectModels.Add(runtime, s_key, all);
        return all;
    }
}
