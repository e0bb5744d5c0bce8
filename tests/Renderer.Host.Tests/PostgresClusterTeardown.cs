namespace Renderer.Host.Tests;

/// <summary>
/// Stops the shared PostgreSQL cluster when the test run ends. It sits in the assembly's root namespace: a set-up
/// fixture applies to its namespace only, and in Catalog it stopped the cluster before the sign-in tests (in
/// Security.Identity) that use it too had run.
/// </summary>
[SetUpFixture]
public sealed class PostgresClusterTeardown
{
    [OneTimeTearDown]
    public void Stop() => Catalog.PostgresCluster.StopShared();
}
