// A refusal at the desk is heard as well as read: the librarian is looking at the books, not the screen.
let context: AudioContext | null = null;

export function refusalSound(): void {
  try {
    context ??= new AudioContext();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'square';
    oscillator.frequency.value = 220;
    gain.gain.value = 0.15;
    oscillator.connect(gain).connect(context.destination);
    oscillator.start();
    oscillator.stop(context.currentTime + 0.35);
  } catch {
    // no sound device: the message on screen is enough
  }
}
