using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Cybrid.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cybrid.Analyzers.Rules
{
    /// <summary>
    /// CYB0002: a bank or organization token authorizes a Cybrid Bank API request made for one customer. Reported only
    /// when both sides are proven: the request is a Bank API operation that can act for a customer and names exactly
    /// one (in its body, path or query, or through a quote created for that customer in the same method), and the
    /// bearer token bound to it (request or client headers, or the generated client's <c>Configuration</c>) comes from a
    /// client-credentials grant, a configured or typed bank-token source, or a bank/organization-token name. The
    /// analysis runs per type (field facts need every write of the type) and only on types that send a candidate
    /// request; the diagnostic is on the token expression, which the code fix replaces.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PrivilegedTokenOnCustomerRequestAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the call that replaces the token expression (absent when no fix is possible).</summary>
        public const string ReplacementProperty = "Replacement";

        /// <summary>Diagnostic property: the customer-token source the replacement calls, for the fix's title.</summary>
        public const string SourceProperty = "Source";

        /// <summary>Diagnostic property: the scopes the requests need, comma-separated.</summary>
        public const string ScopesProperty = "Scopes";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.CYB0002_PrivilegedTokenOnCustomerRequest,
            Descriptors.CYB0000_InvalidOption);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None); // a generated client's own requests are not the caller's choice of token
            context.RegisterCompilationStartAction(start =>
            {
                var shared = CompilationState.TryCreate(start.Compilation);
                if (shared == null)
                {
                    return; // no HttpClient and nothing that looks like a Cybrid client: nothing to analyze
                }

                start.RegisterSyntaxTreeAction(tree => CybridOptions.ReportInvalidValues(tree, TokenFlowOptions.Definitions));
                start.RegisterSymbolStartAction(
                    symbolStart =>
                    {
                        var type = (INamedTypeSymbol)symbolStart.Symbol;
                        if (type.TypeKind == TypeKind.Enum || type.TypeKind == TypeKind.Delegate)
                        {
                            return; // no code of its own: nothing to collect (a tenth of the benchmark corpus's types)
                        }

                        // options are read at the type's end, and only for a type that may report: most types never get there
                        var collector = new TypeCollector(shared, type);
                        symbolStart.RegisterOperationBlockAction(collector.AddBlock);
                        symbolStart.RegisterOperationAction(collector.NoteInvocation, OperationKind.Invocation);
                        symbolStart.RegisterSymbolEndAction(collector.Analyze);
                    },
                    SymbolKind.NamedType);
            });
        }

        /// <summary>Per-compilation state: parsed options and the operation blocks of other types, for one-level summaries.</summary>
        private sealed class CompilationState
        {
            private List<SyntaxNode>? _globalTokenWrites;

            private readonly ConcurrentDictionary<INamedTypeSymbol, TokenFlowIndex> _otherTypes =
                new ConcurrentDictionary<INamedTypeSymbol, TokenFlowIndex>(SymbolEqualityComparer.Default);

            private CompilationState(Compilation compilation)
            {
                Compilation = compilation;
            }

            public Compilation Compilation { get; }

            public ParsedOptionsCache<TokenFlowOptions> Options { get; } = new ParsedOptionsCache<TokenFlowOptions>(TokenFlowOptions.Create);

            public static CompilationState? TryCreate(Compilation compilation)
            {
                if (WellKnownTypes.GetOrCreate(compilation).Get(WellKnownTypeNames.HttpClient) != null || HasCybridLookingTypes(compilation))
                {
                    return new CompilationState(compilation);
                }

                return null;
            }

            private static bool HasCybridLookingTypes(Compilation compilation)
            {
                foreach (var assembly in compilation.ReferencedAssemblyNames)
                {
                    if (assembly.Name.IndexOf("Cybrid", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return true;
                    }
                }

                return compilation.ContainsSymbolsWithName(
                    name => name.EndsWith("BankApi", StringComparison.Ordinal) || name.IndexOf("Cybrid", StringComparison.OrdinalIgnoreCase) >= 0,
                    SymbolFilter.Namespace | SymbolFilter.Type);
            }

            /// <summary>
            /// True when every assignment to <c>GlobalConfiguration.Instance.AccessToken</c> in the compilation is inside
            /// <paramref name="type"/>. The assignments are found by one syntactic scan per compilation, made only when a
            /// finding rests on the global configuration.
            /// </summary>
            public bool GlobalTokenWrittenOnlyIn(INamedTypeSymbol type, CancellationToken cancellationToken)
            {
                var writes = LazyInitializer.EnsureInitialized(ref _globalTokenWrites, () => FindGlobalTokenWrites(cancellationToken))!;
                foreach (var write in writes)
                {
                    var inside = false;
                    foreach (var declaration in type.DeclaringSyntaxReferences)
                    {
                        if (declaration.SyntaxTree == write.SyntaxTree && declaration.Span.Contains(write.Span))
                        {
                            inside = true;
                            break;
                        }
                    }

                    if (!inside)
                    {
                        return false;
                    }
                }

                return true;
            }

            private List<SyntaxNode> FindGlobalTokenWrites(CancellationToken cancellationToken)
            {
                var writes = new List<SyntaxNode>();
                foreach (var tree in Compilation.SyntaxTrees)
                {
                    foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                    {
                        if (node is AssignmentExpressionSyntax
                            {
                                Left: MemberAccessExpressionSyntax
                                {
                                    Name.Identifier.ValueText: "AccessToken",
                                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Instance" } instance,
                                },
                            }
                            && RightmostName(instance.Expression) == "GlobalConfiguration")
                        {
                            writes.Add(node);
                        }
                    }
                }

                return writes;
            }

            private static string? RightmostName(ExpressionSyntax expression)
                => expression switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                    _ => null,
                };

            /// <summary>
            /// The index of the type declaring <paramref name="method"/>, built from its declarations on first use. Only a
            /// method whose summary a token expression needs gets here, so at most a few types per compilation.
            /// </summary>
            public TokenFlowIndex? OtherTypeIndex(IMethodSymbol method, CancellationToken cancellationToken)
            {
                var type = method.ContainingType?.OriginalDefinition;
                if (type == null || method.DeclaringSyntaxReferences.IsEmpty || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, Compilation.Assembly))
                {
                    return null;
                }

                if (_otherTypes.TryGetValue(type, out var index))
                {
                    return index;
                }

                index = new TokenFlowIndex(type);
                foreach (var member in type.GetMembers())
                {
                    foreach (var reference in member.DeclaringSyntaxReferences)
                    {
                        var syntax = reference.GetSyntax(cancellationToken);
                        SyntaxNode? body = syntax switch
                        {
                            VariableDeclaratorSyntax declarator => declarator.Initializer,
                            PropertyDeclarationSyntax property => property.Initializer,
                            BaseMethodDeclarationSyntax _ => syntax,
                            AccessorDeclarationSyntax _ => syntax,
                            ArrowExpressionClauseSyntax _ => syntax,
                            _ => null,
                        };
                        if (body == null || !Compilation.ContainsSyntaxTree(body.SyntaxTree))
                        {
                            continue;
                        }

#pragma warning disable RS1030 // one-level summaries need the body of a method of another type; built once per type, only on demand
                        var model = Compilation.GetSemanticModel(body.SyntaxTree);
#pragma warning restore RS1030
                        var operation = model.GetOperation(body, cancellationToken);
                        if (operation != null)
                        {
                            index.AddBlock(operation, member);
                        }
                    }
                }

                return _otherTypes.GetOrAdd(type, index);
            }
        }

        /// <summary>
        /// Collects one type's operation blocks; analyzes them at the type's end when one of its calls may be a reported
        /// request (a name test per invocation: business types, nearly all of them, end there).
        /// </summary>
        private sealed class TypeCollector
        {
            private readonly CompilationState _shared;
            private readonly INamedTypeSymbol _type;
            private readonly object _gate = new object();
            private readonly List<KeyValuePair<IOperation, ISymbol>> _blocks = new List<KeyValuePair<IOperation, ISymbol>>();
            private int _mayReport;

            public TypeCollector(CompilationState shared, INamedTypeSymbol type)
            {
                _shared = shared;
                _type = type;
            }

            public void AddBlock(OperationBlockAnalysisContext context)
            {
                lock (_gate)
                {
                    foreach (var block in context.OperationBlocks)
                    {
                        _blocks.Add(new KeyValuePair<IOperation, ISymbol>(block, context.OwningSymbol));
                    }
                }
            }

            /// <summary>
            /// Notes whether the type may report: whether one of its invocations could be a customer-scoped Bank API
            /// operation (an <c>HttpClient</c> send or verb call, or a generated-client method of such an operation). Only
            /// the method's name and, for the few verb-named calls, its containing type are read, so business code costs
            /// little; which blocks send a candidate request is decided at the type's end, for the types that may report.
            /// </summary>
            public void NoteInvocation(OperationAnalysisContext context)
            {
                if (Volatile.Read(ref _mayReport) != 0)
                {
                    return; // already known: the type is analyzed at its end
                }

                if (MayBeReportedRequest(((IInvocationOperation)context.Operation).TargetMethod))
                {
                    Volatile.Write(ref _mayReport, 1);
                }
            }

            /// <summary>
            /// False when a call of <paramref name="method"/> can never be a request the rule reports: neither a
            /// customer-scoped operation's generated method nor an HTTP send or verb call.
            /// </summary>
            private static bool MayBeReportedRequest(IMethodSymbol method)
                => BankOperations.MayBeCustomerScopedMethodName(method.Name) || TokenFlowSession.MayBeHttpOperation(method);

            /// <summary>A candidate request: an HttpClient call, or a call on a client type.</summary>
            private static bool IsCandidate(IInvocationOperation invocation, TokenFlowOptions? options)
            {
                var method = invocation.TargetMethod;
                return TokenFlowSession.IsHttpClientCall(method) || IsClientType(invocation.Instance?.Type ?? method.ContainingType, options);
            }

            private static bool IsClientType(ITypeSymbol? type, TokenFlowOptions? options)
            {
                if (!(type is INamedTypeSymbol named) || named.SpecialType != SpecialType.None)
                {
                    return false;
                }

                var name = named.Name;
                if (name.EndsWith("Api", StringComparison.Ordinal) || name.EndsWith("ApiAsync", StringComparison.Ordinal) || name.EndsWith("ApiSync", StringComparison.Ordinal))
                {
                    return true;
                }

                return options != null && !options.BankApiClients.IsEmpty && options.IsBankApiClient(null, named);
            }

            public void Analyze(SymbolAnalysisContext context)
            {
                if (Volatile.Read(ref _mayReport) == 0)
                {
                    return; // no invocation of the type can be a customer-scoped Bank API request: nothing to report
                }

                KeyValuePair<IOperation, ISymbol>[] blocks;
                lock (_gate)
                {
                    blocks = _blocks.ToArray();
                }

                if (blocks.Length == 0)
                {
                    return;
                }

                // blocks arrive in whatever order the driver's threads finish them: analyze them in source order so that
                // messages and fixes list operations the same way every time
                Array.Sort(blocks, CompareBlocks);
                var index = new TokenFlowIndex(_type);
                var owners = new Dictionary<IOperation, ISymbol>();
                foreach (var block in blocks)
                {
                    index.AddBlock(block.Key, block.Value);
                    owners[TokenFlowIndex.BlockRoot(block.Key)] = block.Value;
                }

                // the blocks that send a candidate request: only their invocations are classified as requests
                var declarations = _type.DeclaringSyntaxReferences;
                var typeOptions = declarations.IsEmpty ? null : _shared.Options.Get(context.Options, declarations[0].SyntaxTree);
                var candidateBlocks = new HashSet<IOperation>();
                foreach (var invocation in index.Invocations)
                {
                    if (IsCandidate(invocation, typeOptions))
                    {
                        candidateBlocks.Add(TokenFlowIndex.BlockRoot(invocation));
                    }
                }

                if (candidateBlocks.Count == 0)
                {
                    return; // the type sends no request: nothing to analyze
                }

                var tree = blocks[0].Key.Syntax.SyntaxTree;
                var options = _shared.Options.Get(context.Options, tree);
                var cancellationToken = context.CancellationToken;
                var session = new TokenFlowSession(index, options, method => OtherTypeSession(method, options, cancellationToken), cancellationToken)
                {
                    GlobalTokenWrittenOnlyIn = type => _shared.GlobalTokenWrittenOnlyIn(type, cancellationToken),
                };
                var findings = new Dictionary<SyntaxNode, Finding>();
                var order = new List<SyntaxNode>();
                foreach (var invocation in index.Invocations)
                {
                    if (!MayBeReportedRequest(invocation.TargetMethod) || !candidateBlocks.Contains(TokenFlowIndex.BlockRoot(invocation)))
                    {
                        // only method bodies that send a candidate request are analyzed for requests. Another call is
                        // never a customer-scoped Bank API operation, and classifying it never asks for other requests,
                        // so leaving it to be classified on demand changes no result.
                        continue;
                    }

                    if (!session.MayBeBankOperation(invocation))
                    {
                        continue; // an HTTP call whose URL does not resolve: spares its body's grant check, see MayBeBankOperation
                    }

                    var request = session.Request(invocation);
                    if (request.Role != RequestRole.BankOperation || !request.ActsForOneCustomer)
                    {
                        continue;
                    }

                    if (request.Operation!.IsRead && !_shared.Options.Get(context.Options, invocation.Syntax.SyntaxTree).IncludeReads)
                    {
                        continue;
                    }

                    var tokens = session.Authorizations(request);
                    if (tokens == null || tokens.Count == 0)
                    {
                        continue;
                    }

                    var kinds = new TokenKind[tokens.Count];
                    var privileged = true;
                    for (var i = 0; i < tokens.Count && privileged; i++)
                    {
                        kinds[i] = tokens[i].KnownKind ?? session.Classify(tokens[i].Expression);
                        privileged = TokenFlowFacts.IsPrivileged(kinds[i]);
                    }

                    if (!privileged)
                    {
                        continue;
                    }

                    for (var i = 0; i < tokens.Count; i++)
                    {
                        var syntax = tokens[i].Expression.Syntax;
                        if (!findings.TryGetValue(syntax, out var finding))
                        {
                            findings[syntax] = finding = new Finding(tokens[i]);
                            order.Add(syntax);
                        }

                        finding.Add(kinds[i], request);
                    }
                }

                foreach (var syntax in order)
                {
                    var finding = findings[syntax];
                    var root = TokenFlowIndex.BlockRoot(finding.Token.Expression);
                    owners.TryGetValue(root, out var owner);
                    context.ReportDiagnostic(finding.CreateDiagnostic(_shared.Compilation, session, owner ?? _type));
                }
            }

            private static int CompareBlocks(KeyValuePair<IOperation, ISymbol> x, KeyValuePair<IOperation, ISymbol> y)
            {
                var path = string.CompareOrdinal(x.Key.Syntax.SyntaxTree.FilePath, y.Key.Syntax.SyntaxTree.FilePath);
                return path != 0 ? path : x.Key.Syntax.SpanStart.CompareTo(y.Key.Syntax.SpanStart);
            }

            private TokenFlowSession? OtherTypeSession(IMethodSymbol method, TokenFlowOptions options, CancellationToken cancellationToken)
            {
                var index = _shared.OtherTypeIndex(method, cancellationToken);
                return index == null ? null : new TokenFlowSession(index, options, null, cancellationToken);
            }
        }

        /// <summary>One token expression and the customer-scoped requests it authorizes.</summary>
        private sealed class Finding
        {
            private readonly List<RequestFacts> _requests = new List<RequestFacts>();
            private TokenKind _kind;

            public Finding(AuthorizationToken token)
            {
                Token = token;
            }

            public AuthorizationToken Token { get; }

            public void Add(TokenKind kind, RequestFacts request)
            {
                _kind |= kind;
                foreach (var known in _requests)
                {
                    if (ReferenceEquals(known.Call, request.Call))
                    {
                        return;
                    }
                }

                _requests.Add(request);
            }

            public Diagnostic CreateDiagnostic(Compilation compilation, TokenFlowSession session, ISymbol owner)
            {
                var operations = new List<string>();
                var scopes = new List<string>();
                var guids = new List<IOperation?>();
                foreach (var request in _requests)
                {
                    var operation = request.Operation!;
                    var display = operation.Display + " (" + operation.Name + ")";
                    if (!operations.Contains(display))
                    {
                        operations.Add(display);
                    }

                    if (operation.Scope.Length > 0 && !scopes.Contains(operation.Scope))
                    {
                        scopes.Add(operation.Scope);
                    }

                    guids.Add(request.CustomerGuid);
                }

                var properties = ImmutableDictionary<string, string?>.Empty.Add(ScopesProperty, string.Join(",", scopes));
                if (Token.KnownKind == null)
                {
                    var replacement = TokenFlowFix.Plan(compilation, session, owner, Token.Expression, guids, scopes, out var source);
                    if (replacement != null)
                    {
                        properties = properties.Add(ReplacementProperty, replacement).Add(SourceProperty, source);
                    }
                }

                return Diagnostic.Create(
                    Descriptors.CYB0002_PrivilegedTokenOnCustomerRequest,
                    Token.Expression.Syntax.GetLocation(),
                    properties,
                    (operations.Count == 1 ? "request " : "requests ") + Enumerate(operations),
                    TokenFlowFacts.Describe(_kind),
                    scopes.Count == 0 ? "the scopes it needs" : (scopes.Count == 1 ? "scope " : "scopes ") + Enumerate(Quote(scopes)));
            }

            private static List<string> Quote(List<string> items)
            {
                var quoted = new List<string>(items.Count);
                foreach (var item in items)
                {
                    quoted.Add("'" + item + "'");
                }

                return quoted;
            }

            private static string Enumerate(List<string> items)
            {
                var text = new StringBuilder();
                for (var i = 0; i < items.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(i == items.Count - 1 ? " and " : ", ");
                    }

                    text.Append(items[i]);
                }

                return text.ToString();
            }
        }
    }
}
