namespace Lab.Rewriting.Fixtures;

/// <summary>Handlers that would swallow anything: a bare catch, a catch of Exception, and a filter.</summary>
public static class Handlers
{
    /// <summary>Runs <paramref name="action"/> inside a bare <c>catch</c>; "caught" when it threw.</summary>
    public static string BareCatch(Action action)
    {
        try
        {
            action();
            return "ran";
        }
        catch
        {
            return "caught";
        }
    }

    /// <summary>Runs <paramref name="action"/> inside <c>catch (Exception)</c>; "caught" when it threw.</summary>
    public static string CatchException(Action action)
    {
        try
        {
            action();
            return "ran";
        }
        catch (Exception)
        {
            return "caught";
        }
    }

    /// <summary>Runs <paramref name="action"/> inside a filtered handler that accepts everything; "caught" when it threw.</summary>
    public static string Filter(Action action)
    {
        try
        {
            action();
            return "ran";
        }
        catch (Exception exception) when (exception.Message.Length >= 0)
        {
            return "caught";
        }
    }

    /// <summary>A typed handler that cannot catch the engine's exception: left alone.</summary>
    public static string CatchInvalidOperation(Action action)
    {
        try
        {
            action();
            return "ran";
        }
        catch (InvalidOperationException)
        {
            return "caught";
        }
    }
}
