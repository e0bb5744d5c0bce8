namespace Renderer.Sandbox.Layout.Charts;

/// <summary>
/// A linear axis scale with "nice" bounds and a tick step of 1, 2, 2.5 or 5 times a power of ten, aiming at about
/// <c>targetTicks</c> intervals. Fixed Minimum/Maximum are kept as given.
/// </summary>
internal readonly record struct ChartScale(double Minimum, double Maximum, double Step)
{
    public static ChartScale Create(double dataMin, double dataMax, double? fixedMin, double? fixedMax, bool includeZero, int targetTicks = 5)
    {
        if (!double.IsFinite(dataMin) || !double.IsFinite(dataMax)) (dataMin, dataMax) = (0, 1);
        double min = fixedMin ?? (includeZero ? Math.Min(0, dataMin) : dataMin);
        double max = fixedMax ?? (includeZero ? Math.Max(0, dataMax) : dataMax);
        if (max < min) (min, max) = (max, min);
        if (max == min)
        {
            if (fixedMax is null) max = min == 0 ? 1 : min + Math.Abs(min) * 0.1;
            else min = max == 0 ? -1 : max - Math.Abs(max) * 0.1;
        }
        var step = NiceStep((max - min) / Math.Max(1, targetTicks));
        if (fixedMin is null) min = Math.Floor(min / step + 1e-9) * step;
        if (fixedMax is null) max = Math.Ceiling(max / step - 1e-9) * step;
        return new ChartScale(min, max, step);
    }

    /// <summary>The smallest of 1, 2, 2.5, 5, 10 times a power of ten not below <paramref name="raw"/>.</summary>
    public static double NiceStep(double raw)
    {
        if (!(raw > 0) || !double.IsFinite(raw)) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /// <summary>Tick values from <see cref="Minimum"/> to <see cref="Maximum"/> (at most 100).</summary>
    public IReadOnlyList<double> Ticks()
    {
        var ticks = new List<double>();
        var first = Math.Ceiling(Minimum / Step - 1e-9) * Step;
        for (int i = 0; i <= 100; i++)
        {
            var value = first + i * Step;
            if (value > Maximum + Step * 1e-9) break;
            ticks.Add(Math.Abs(value) < Step * 1e-9 ? 0 : value);
        }
        return ticks;
    }

    /// <summary>Where <paramref name="value"/> lies between the bounds: 0 at Minimum, 1 at Maximum (not clamped).</summary>
    public double Fraction(double value) => Maximum == Minimum ? 0 : (value - Minimum) / (Maximum - Minimum);
}
