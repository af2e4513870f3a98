// Writes src/Mikoshi.Domain/Identity/CommonPasswords.txt: passwords people pick most often, written from general
// knowledge (the usual top lists' words, keyboard walks, counting runs, names, sports, years) and the patterns
// people stretch them with to reach a length rule (digits, years, "!", doubling). Lower-case, one a line, only
// those of 12 characters or more are kept (shorter ones are refused by the length rule already).
// Run: node scripts/common-passwords.mjs
import { writeFileSync } from 'node:fs';

const words = `password passw0rd p@ssword p@ssw0rd pass passwort motdepasse contraseña senha parola wachtwoord salasana
qwerty qwertz azerty asdf asdfgh asdfghjkl zxcvbn zxcvbnm qazwsx qwertyuiop qweasd qweasdzxc 1qaz2wsx 1q2w3e4r 1q2w3e4r5t
zaq12wsx qazxsw poiuytrewq mnbvcxz lkjhgfdsa abc abcdef abcdefg abcdefgh abc123 admin administrator root toor user guest
test tester testing welcome login letmein changeme secret master access default hello hellohello hello123 iloveyou
iloveu loveyou lovely love myself trustno1 whatever nothing anything something monkey dragon shadow sunshine princess
football baseball basketball soccer hockey cricket tennis golf jordan23 michael jennifer hunter ranger buster tigger
charlie robert thomas daniel andrew joshua matthew jessica ashley amanda nicole michelle samantha superman batman
spiderman pokemon pikachu naruto starwars startrek matrix computer internet freedom killer hacker ninja master123
mustang ferrari porsche corvette harley yamaha chelsea liverpool arsenal manchester barcelona realmadrid juventus
maverick cheese cookie chocolate banana orange apple pepper ginger summer winter spring autumn flower garden
purple yellow silver golden diamond crystal blue red green black white pink angel angels heaven jesus christ god
blessed faith hope grace family friends friend forever together happy smile sunflower butterfly rainbow unicorn
tokyo osaka kyoto japan nippon sakura arigato konnichiwa doraemon totoro ghibli gundam tanaka suzuki yamada sato
pass1234 passpass mypassword yourpassword newpassword oldpassword password1 password12 password123 passwordpassword
qwerty123 qwerty1234 qwertyqwerty 11111111 00000000 12345678 123456789 1234567890 0987654321 987654321 123123 123321
654321 112233 121212 131313 159753 147258369 741852963 963852741 123qwe 123abc abc12345 asd123 zxc123 1234qwer
qwer1234 q1w2e3r4 a1b2c3d4 aa123456 666666 777777 888888 999999 696969 101010 246810 135790 1a2b3c 1qazxsw2 zaq1xsw2
letmein123 welcome1 welcome123 admin123 admin1234 administrator1 root1234 changeme123 default123 secret123 login123
iloveyou123 trustme shalom cowboy cowboys eagles yankees steelers packers lakers raiders dolphins patriots giants
bulldog doggie kitty kitten puppy tiger lion bear wolf eagle falcon phoenix dragon123 monkey123 shadow123 master1
sunshine1 princess1 football1 baseball1 superman1 batman123 michael1 jordan charlie1 soccer1 hockey1 killer1 hunter2
hunter1 ranger1 buster1 ginger1 pepper1 cookie1 summer1 winter1 flower1 angel1 jesus1 freedom1 whatever1 nothing1
correcthorsebatterystaple correcthorse horsebattery batterystaple onetwothree onetwothreefour abcdefghijkl
thequickbrownfox quickbrownfox letmeinplease pleaseletmein opensesame open sesame youshallnotpass
iloveyoutoo imissyou missyou loveme kissme fuckyou fuckoff asshole bitch sexy hottie lovers sweetheart
babygirl babyboy baby mommy daddy mother father sister brother family1 grandma grandpa
`.split(/\s+/).filter(Boolean);

const walks = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc', '1qaz2wsx3edc4rfv', 'qazwsxedc', 'qazwsxedcrfv',
  '1q2w3e4r5t6y', 'q1w2e3r4t5y6', 'zaq1zaq1zaq1', '!qaz@wsx#edc', 'qwertyasdfgh', 'asdfghjklzxc', 'qwerasdfzxcv',
  'poiuytrewqas', 'mnbvcxzlkjhg', '1234qwerasdf', 'qwer1234asdf', 'asdfqwer1234', '123qweasdzxc', 'zxcvbnmasdfg',
  'qweasdzxc123', '!@#$%^&*()_+', '1234567890-=', '!@#$%^&*()', '1234567890qwertyuiop', 'qwertyuiopasdfghjkl'];

const suffixes = ['', '1', '12', '123', '1234', '12345', '123456', '!', '!!', '1!', '123!', '@123', '#1', '01', '007',
  '69', '99', '2000', '2010', '2020', '2021', '2022', '2023', '2024', '2025', '2026', '2027'];

const out = new Set();
const keep = (p) => { if (p.length >= 12 && p.length <= 64) out.add(p.toLowerCase()); };

for (const w of [...words, ...walks]) {
  for (const s of suffixes) {
    keep(w + s);
    keep(w + w + s);
    keep(s + w);
  }
  keep(w + w + w);
  keep(w.split('').reverse().join(''));
}

// Counting runs of every length from 12 to 20, forwards and backwards, and the same few characters repeated.
const digits = '01234567890123456789012345678901234567890';
for (let len = 12; len <= 20; len++) {
  for (let start = 0; start <= 9; start++) {
    const run = digits.slice(start, start + len);
    keep(run);
    keep(run.split('').reverse().join(''));
  }
}
const letters = 'abcdefghijklmnopqrstuvwxyz';
for (let len = 12; len <= 26; len++) {
  for (let start = 0; start + len <= 26; start++) {
    keep(letters.slice(start, start + len));
    keep(letters.slice(start, start + len).split('').reverse().join(''));
  }
}
for (const unit of ['12', '123', '1234', '12345', 'ab', 'abc', 'abcd', 'qwe', 'asd', 'xo', 'ha', 'lol', '69', '00', '01', '10', '11', '22', '77', '88', '99', 'aa', 'zz']) {
  keep(unit.repeat(Math.ceil(12 / unit.length)));
  keep(unit.repeat(Math.ceil(16 / unit.length)));
}

// Years and dates people use as whole passwords: 19xx/20xx written twice or with a word.
for (let y = 1950; y <= 2030; y++) {
  for (const w of ['password', 'welcome', 'summer', 'winter', 'spring', 'autumn', 'january', 'december', 'iloveyou', 'football', 'baseball', 'michael', 'jennifer', 'qwerty', 'letmein', 'sakura', 'tokyo']) {
    keep(w + y);
    keep(w + y + '!');
    keep(w + '@' + y);
  }
  keep(`${y}${y}${y}`);
}

const list = [...out].sort();
writeFileSync(new URL('../src/Mikoshi.Domain/Identity/CommonPasswords.txt', import.meta.url), list.join('\n') + '\n');
console.log(`${list.length} common passwords written`);
