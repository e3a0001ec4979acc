/** Jekyll's log layout: the topic right-aligned in 20 columns (`"#{topic} ".rjust(20)`), then the message. */
export interface ServeLog {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

export function topicLine(topic: string, message: string): string {
  return `${`${topic} `.padStart(20)}${message}`;
}
