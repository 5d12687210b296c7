// A project that opts into rewriting with <LabRewrite>true</LabRewrite>; built by MsBuildIntegrationTests.
var counter = new Counter();
counter.Increment();
Console.WriteLine($"count={counter.Count}");

internal sealed class Counter
{
    private readonly object _gate = new();
    private int _count;

    public int Count => _count;

    public void Increment()
    {
        lock (_gate)
        {
            _count++;
        }
    }
}
