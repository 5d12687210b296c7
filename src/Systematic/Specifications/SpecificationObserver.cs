namespace Lab.Systematic.Specifications;

/// <summary>Where monitors report when no lab exploration runs them; null (the default) means nobody listens.</summary>
public static class SpecificationObserver
{
    private static volatile ISpecificationObserver? _outside;

    /// <summary>The observer of monitor events outside a lab exploration (set by another engine for the length of its run).</summary>
    public static ISpecificationObserver? Outside
    {
        get => _outside;
        set => _outside = value;
    }
}
