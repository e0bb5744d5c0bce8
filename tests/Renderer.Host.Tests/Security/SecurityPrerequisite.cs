namespace Renderer.Host.Tests.Security;

/// <summary>
/// The one way security and isolation tests skip when the machine lacks what they test (an isolation layer, /proc):
/// locally the test is ignored with the reason; under <c>CI=true</c> (CI machines have every layer, and .ci/run sets
/// it) it fails, so a missing layer can never pass as a skipped test.
/// </summary>
internal static class SecurityPrerequisite
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Ignores the test (fails it under CI=true) unless <paramref name="available"/>.</summary>
    public static void Require(bool available, string missing)
    {
        if (available) return;
        if (IsCi) Assert.Fail($"CI=true, so this security test may not skip: {missing}");
        Assert.Ignore(missing);
    }
}
