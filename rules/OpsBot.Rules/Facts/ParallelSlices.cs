namespace OpsBot.Rules.Facts;

/// <summary>
/// Runs an action for each index of a large inventory in contiguous slices, one per core, so that
/// reading and fact building use every core while the results keep their inventory order.
/// </summary>
internal static class ParallelSlices
{
    // Below this many items per slice, starting another worker costs more than it saves.
    private const int MinimumSlice = 256;

    /// <summary>Calls <paramref name="body"/> for every index below <paramref name="count"/>; the first exception by index is rethrown as it was.</summary>
    public static void Run(int count, Action<int> body)
    {
        var slices = Math.Max(1, Math.Min(Environment.ProcessorCount, count / MinimumSlice));
        if (slices == 1)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        var failures = new Exception?[slices];
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, slice =>
        {
            try
            {
                for (var i = slice * count / slices; i < (slice + 1) * count / slices; i++)
                {
                    body(i);
                }
            }
            catch (Exception ex)
            {
                failures[slice] = ex;
            }
        });

        if (failures.FirstOrDefault(f => f is not null) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }
    }
}
