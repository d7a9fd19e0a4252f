using System.IO;
using Microsoft.CodeAnalysis.Testing;

namespace Cybrid.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Reference packs pinned to versions our NuGet feed holds (<c>ReferenceAssemblies.Net.Net80</c> asks for
    /// Microsoft.NETCore.App.Ref 8.0.0, which it does not).
    /// </summary>
    public static class TestReferences
    {
        public static readonly ReferenceAssemblies Net80 = new ReferenceAssemblies(
            "net8.0",
            new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.28"),
            Path.Combine("ref", "net8.0"));

        /// <summary>netstandard2.0: no <c>CryptographicOperations</c>, no <c>SocketsHttpHandler</c>.</summary>
        public static readonly ReferenceAssemblies NetStandard20 = ReferenceAssemblies.NetStandard.NetStandard20;
    }
}
