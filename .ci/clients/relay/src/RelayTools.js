// Query.tools as a Relay @connection, paged like usePaginationFragment does
// (RelayToolsPaginationQuery with count and cursor), and the same first 15
// tools in one request, to compare the order.
graphql`
  fragment RelayTools_query on Query
  @argumentDefinitions(count: { type: "Int", defaultValue: 5 }, cursor: { type: "String" })
  @refetchable(queryName: "RelayToolsPaginationQuery") {
    tools(first: $count, after: $cursor) @connection(key: "RelayTools_tools") {
      totalCount
      edges { node { id name } }
    }
  }
`;

graphql`
  query RelayToolsQuery {
    ...RelayTools_query
  }
`;

graphql`
  query RelayToolsFirstFifteenQuery {
    tools(first: 15) { edges { node { id } } }
  }
`;
