namespace Lab.Rewriting.Fixtures;

/// <summary>Array element loads and stores, a params array, and an element's address.</summary>
public static class Arrays
{
    /// <summary>Stores then loads int and object elements.</summary>
    public static string StoreAndLoad()
    {
        int[] numbers = new int[4];
        numbers[2] = 7; // @line:array-store
        object[] boxes = new object[2];
        boxes[1] = "x";
        return $"{numbers[2]}{boxes[1]}"; // @line:array-load
    }

    /// <summary>Sums a long array through a long index (a native int index in IL).</summary>
    public static long SumWithLongIndex(long count)
    {
        long[] values = new long[count];
        for (long i = 0; i < count; i++) values[i] = i;
        long sum = 0;
        for (long i = 0; i < count; i++) sum += values[i];
        return sum;
    }

    /// <summary>A params array is filled right after it is created: not hooked.</summary>
    public static string Params() => string.Join(",", "a", "b", "c", "d", "e");

    /// <summary>a[i]++ goes through ldelema: a read before the address is taken, a write before the store through it.</summary>
    public static int IncrementInPlace()
    {
        int[] counts = new int[1];
        counts[0]++; // @line:array-increment
        return counts[0];
    }

    /// <summary>Two threads each add 10 to the same element of a shared array with <c>+=</c>: 20 unless an update is lost.</summary>
    public static int AddFromTwoThreads()
    {
        int[] balances = new int[2];
        var first = new Thread(() => balances[1] += 10); // @line:array-add
        var second = new Thread(() => balances[1] += 10);
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        return balances[1];
    }

    /// <summary>A ref to an element passed on (not a compound assignment): the address is left alone.</summary>
    public static int IncrementThroughRef()
    {
        int[] counts = new int[1];
        Bump(ref counts[0]);
        return counts[0];
    }

    private static void Bump(ref int value) => value++;

    /// <summary>A struct-typed array element store and load (stelem/ldelem with a type operand).</summary>
    public static decimal Decimals()
    {
        decimal[] values = new decimal[2];
        values[1] = 2.5m;
        return values[1] * 2;
    }
}
