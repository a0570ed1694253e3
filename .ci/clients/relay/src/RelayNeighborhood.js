// A job's graph neighbourhood and the job itself in one store: every
// GraphNode, and the Node it stands for, must keep its own id.
graphql`
  query RelayNeighborhoodQuery {
    neighborhood(id: "job:platform_engineer", depth: 1) {
      nodes { id nodeId kind label node { id } }
    }
  }
`;

graphql`
  query RelayNeighborhoodJobQuery {
    job(slug: "platform_engineer") { id slug }
  }
`;
