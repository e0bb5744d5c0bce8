namespace Renderer.Sandbox;

internal static class Program
{
    private static int Main() => 0;
}
