using Lab.Workloads.Gil;

namespace Lab.Workloads.Cpu;

/// <summary>Counts primes by trial division: pure computation whose cost grows along the range, so equal ranges are unequal work.</summary>
public static class PrimeCounter
{
    /// <summary>How many primes lie in <c>[from, to)</c>.</summary>
    public static long Count(long from, long to, IInterpreterLock interpreterLock)
    {
        long count = 0;
        for (long n = Math.Max(from, 2); n < to; n++)
        {
            if (IsPrime(n))
            {
                count++;
            }

            interpreterLock.Checkpoint();
        }

        return count;
    }

    /// <summary>Whether <paramref name="n"/> is prime, by trial division with odd divisors.</summary>
    public static bool IsPrime(long n)
    {
        if (n < 2)
        {
            return false;
        }

        if (n % 2 == 0)
        {
            return n == 2;
        }

        for (long divisor = 3; divisor * divisor <= n; divisor += 2)
        {
            if (n % divisor == 0)
            {
                return false;
            }
        }

        return true;
    }
}
