using System.Threading.Tasks;
using Cybrid.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Cybrid.Analyzers.Tests.QualityGates
{
    /// <summary>
    /// Every code fix, applied with Fix All across a whole code base, must leave code that compiles and no diagnostic
    /// it still offers to fix.
    /// </summary>
    public class FixAllGateTests
    {
        private readonly ITestOutputHelper _output;

        public FixAllGateTests(ITestOutputHelper output) => _output = output;

        public static TheoryData<string> Fixers()
        {
            var data = new TheoryData<string>();
            foreach (var fixer in PackageCatalog.CodeFixes)
            {
                data.Add(fixer.GetType().Name);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Fixers))]
        public async Task Sample_FixAll_CompilesAndResolvesEverythingItOffers(string fixerName)
        {
            var fixer = System.Linq.Enumerable.Single(PackageCatalog.CodeFixes, f => f.GetType().Name == fixerName);
            var outcome = await FixAllRunner.RunAsync(SampleTests.SampleSources(), SampleTests.SharedFrameworkReferences(), OutputKind.ConsoleApplication, fixer);
            _output.WriteLine(outcome.ToString());
            Assert.True(outcome.FixableBefore > 0, fixerName + " has nothing to fix in the sample; the sample should show its rule");
            Assert.True(outcome.NewErrors.Count == 0, outcome.ToString());
            Assert.True(outcome.StillFixable.Count == 0, outcome.ToString());
        }
    }
}
