using System;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Cybrid.Analyzers.Tests.Foundation
{
    /// <summary>Proves which compiler each test run exercises: the 4.8.0 floor, or the newest one (LatestRoslyn project).</summary>
    public class RoslynVersionTests
    {
        [Fact]
        public void TestsRunAgainstTheIntendedCompiler()
        {
            var version = typeof(Compilation).Assembly.GetName().Version!;
#if LATEST_ROSLYN
            Assert.True(version >= new Version(5, 0), "expected the newest Microsoft.CodeAnalysis, found " + version);
#else
            Assert.Equal(new Version(4, 8, 0, 0), version);
#endif
        }

        [Fact]
        public void AnalyzerAssembly_IsCompiledAgainstTheFloor()
        {
            // Whatever the test run loads, the shipped analyzers must reference Microsoft.CodeAnalysis 4.8.0 at most.
            foreach (var reference in typeof(Cybrid.Analyzers.Rules.PlainHttpUriAnalyzer).Assembly.GetReferencedAssemblies())
            {
                if (reference.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                {
                    Assert.True(reference.Version! <= new Version(4, 8, 0, 0), reference.FullName);
                }
            }
        }
    }
}
