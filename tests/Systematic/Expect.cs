namespace Lab.Systematic.Tests;

/// <summary>Exception checks usable inside explored bodies, where NUnit's assertions have no test context.</summary>
internal static class Expect
{
    /// <summary>True when <paramref name="action"/> throws exactly <typeparamref name="T"/>.</summary>
    public static bool Throws<T>(Action action) where T : Exception
    {
        try
        {
            action();
        }
        catch (T exception) when (exception.GetType() == typeof(T))
        {
            return true;
        }
        return false;
    }
}
