/** The ten "- Name" fields the seed's text report lists under Metrics:, in order (tests only). */
export const SEED_METRIC_FIELDS = [
  '- Average Processing Time',
  '- Maximum Processing Time',
  '- Audio Latency Trend',
  '- Message Latency Trend',
  '- Audio Chunks Accumulation',
  '- WebSocket Buffered Amount',
  '- Event Queue Size',
  '- Time to First Response',
  '- Interruption Count',
  '- Total Errors',
];
