// A @refetchable fragment on Job (the refetch goes through Query.node) and
// the query that spreads it. Compiled by relay-compiler, never run: relay.mjs
// loads the artifacts from __generated__.
graphql`
  fragment RelayJob_job on Job @refetchable(queryName: "RelayJobRefetchQuery") {
    id
    slug
    name
    stages { id name order }
  }
`;

graphql`
  query RelayJobQuery {
    job(slug: "platform_engineer") { ...RelayJob_job }
  }
`;
